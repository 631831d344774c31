package dev.pylayer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work that ran on another thread, so that its failure reaches the caller as it was thrown. */
public final class Futures {
    private Futures() {
    }

    /**
     * The future's value; a {@link RuntimeException} or {@link Error} it failed with is rethrown as itself (a typed
     * {@link PylayerException} stays one), anything else in its {@link CompletionException}.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
