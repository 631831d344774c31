package dev.pylayer.index;

import dev.pylayer.cache.ContentCache;
import java.nio.file.Path;
import java.time.Duration;

/** Clients for tests: fast retries, no real netrc, a cache in the test's folder. */
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
                .readTimeout(Duration.ofMillis(500));
    }

    static IndexClient client(Path cacheDir) {
        return builder(cacheDir).build();
    }
}
