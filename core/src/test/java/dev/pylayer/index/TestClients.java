package dev.pylayer.index;

import dev.pylayer.cache.ContentCache;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Clients for tests: fast retries, no real netrc, a cache in the test's folder. The read timeout is generous so
 * that a loaded 2-core CI machine does not turn a slow answer into a retry (tests count requests); the fault
 * tests use {@link #impatient} to see timeouts quickly.
 */
final class TestClients {
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(200));

    private TestClients() {
    }

    static IndexClient.Builder builder(Path cacheDir) {
        return IndexClient.builder()
                .cache(ContentCache.open(cacheDir))
                .netrc(Netrc.empty())
                .retryPolicy(FAST)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(10));
    }

    /** A client that gives up reading after half a second: for the timeout fault tests. */
    static IndexClient impatient(Path cacheDir) {
        return builder(cacheDir).readTimeout(Duration.ofMillis(500)).build();
    }

    static IndexClient client(Path cacheDir) {
        return builder(cacheDir).build();
    }
}
