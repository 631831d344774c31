package dev.pylayer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.cache.ContentCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
    private static final RetryPolicy POLICY = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(30));

    @ParameterizedTest
    @CsvSource({"1, 100", "2, 200", "3, 400", "4, 800", "5, 1000", "40, 1000"})
    void backsOffExponentiallyWithJitterUpToTheCap(int failures, long ceiling) {
        for (int i = 0; i < 50; i++) {
            long wait = POLICY.backoff(failures).toMillis();
            assertTrue(wait >= ceiling / 2 && wait <= ceiling, failures + " failures: " + wait + " ms");
        }
    }

    @Test
    void capsWhatAServerAsksToWait() {
        assertEquals(Duration.ofSeconds(30), POLICY.retryAfter(Duration.ofHours(1)));
        assertEquals(Duration.ofSeconds(3), POLICY.retryAfter(Duration.ofSeconds(3)));
        assertEquals(Duration.ZERO, POLICY.retryAfter(Duration.ofSeconds(-3)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "120                           | 120",
            "Wed, 21 Oct 2015 07:28:30 GMT | 30",
            "soon                          | -",
            "''                            | -",
    })
    void readsRetryAfterAsSecondsOrAnHttpDate(String header, Long seconds, @TempDir Path cacheDir) {
        Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);
        IndexHttp http = new IndexHttp(new okhttp3.OkHttpClient(), POLICY, new CredentialStore(Netrc.empty()), 1, false,
                ContentCache.open(cacheDir), clock);
        Duration parsed = http.retryAfter(header);
        if (seconds == null) {
            assertNull(parsed);
        } else {
            assertEquals(Duration.ofSeconds(seconds), parsed);
        }
    }
}
