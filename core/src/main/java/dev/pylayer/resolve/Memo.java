package dev.pylayer.resolve;

import dev.pylayer.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A concurrent memo: each key is computed once, by whichever thread gets to it first (a blocking caller or a
 * background prefetch), and every other caller waits for that result instead of computing it again. A caller
 * that finds a prefetch still queued runs it itself, so prefetches waiting on each other cannot starve a pool.
 */
final class Memo<K, V> {
    private static final class Slot<V> {
        final CompletableFuture<V> future = new CompletableFuture<>();
        final AtomicBoolean claimed = new AtomicBoolean();
    }

    private final ConcurrentHashMap<K, Slot<V>> slots = new ConcurrentHashMap<>();
    private final Function<K, V> compute;

    Memo(Function<K, V> compute) {
        this.compute = compute;
    }

    /** The value, computing it on this thread unless another thread already is. Exceptions are rethrown. */
    V get(K key) {
        Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
        runIfUnclaimed(key, slot);
        return Futures.join(slot.future);
    }

    /** Starts computing the value on {@code executor} unless someone already has. */
    void prefetch(K key, Executor executor) {
        Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
        if (!slot.claimed.get()) {
            executor.execute(() -> runIfUnclaimed(key, slot));
        }
    }

    private void runIfUnclaimed(K key, Slot<V> slot) {
        if (!slot.claimed.compareAndSet(false, true)) {
            return;
        }
        try {
            slot.future.complete(compute.apply(key));
        } catch (Throwable e) {
            // Also what Kotlin code (OkHttp) throws undeclared, e.g. InterruptedException when a build's pool is shut
            // down under a prefetch: kept in the slot rather than printed by the thread's uncaught-exception handler.
            slot.future.completeExceptionally(e);
        }
    }
}
