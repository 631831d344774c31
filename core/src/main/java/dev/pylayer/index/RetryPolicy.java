package dev.pylayer.index;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently to retry a failed request (connection reset, timeout, 408, 429, 5xx, truncated
 * or unparsable body): exponential backoff from {@code initialBackoff}, capped at {@code maxBackoff}, with
 * jitter, and a server's {@code Retry-After} honoured up to {@code maxRetryAfter}. The defaults follow pip
 * (five tries, backoff factor 0.25 s).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The wait after the {@code failures}-th failure: {@code initial × 2^(failures-1)} capped, scaled by a random
     * factor in [0.5, 1] so that many clients failing together do not retry in lock-step ("equal jitter").
     */
    public Duration backoff(int failures) {
        double exponential = initialBackoff.toMillis() * Math.pow(2, Math.max(0, failures - 1));
        long capped = (long) Math.min(exponential, maxBackoff.toMillis());
        double jitter = 0.5 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis((long) (capped * jitter));
    }

    /** A server's {@code Retry-After}, within {@link #maxRetryAfter()}. */
    public Duration retryAfter(Duration asked) {
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }
}
