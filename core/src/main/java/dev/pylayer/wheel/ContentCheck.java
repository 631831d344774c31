package dev.pylayer.wheel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Inflates every file entry of a wheel on the side and checks it ({@link WheelArchive#openRawChecked}: declared
 * size, CRC-32, RECORD hash), several entries at once. Inflating is most of the cost of a layer build, and a
 * wheel's entries are independent, so the work is cut into batches of about {@link #BATCH_BYTES} stored bytes
 * that the calling thread and helpers on an executor take in turn. The caller takes batches too: when the
 * executor is busy (or runs its tasks later) the check still completes, only with less help, and the caller
 * never waits for a batch nobody started.
 */
final class ContentCheck {
    static final long BATCH_BYTES = 4L << 20;
    private static final int BUFFER = 64 * 1024;

    private final WheelArchive archive;
    private final Function<WheelEntry, ContentSink> sinks;
    private final List<List<WheelEntry>> batches;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final CountDownLatch claimedDone;

    private ContentCheck(WheelArchive archive, long batchBytes, Function<WheelEntry, ContentSink> sinks) {
        this.archive = archive;
        this.sinks = sinks;
        this.batches = batches(archive.entries(), batchBytes);
        this.claimedDone = new CountDownLatch(batches.size());
    }

    static void run(WheelArchive archive, Executor executor, int helpers, Function<WheelEntry, ContentSink> sinks) {
        run(archive, executor, helpers, BATCH_BYTES, sinks);
    }

    static void run(WheelArchive archive, Executor executor, int helpers, long batchBytes) {
        run(archive, executor, helpers, batchBytes, entry -> ContentSink.NONE);
    }

    static void run(WheelArchive archive, Executor executor, int helpers, long batchBytes,
            Function<WheelEntry, ContentSink> sinks) {
        ContentCheck check = new ContentCheck(archive, batchBytes, sinks);
        int wanted = Math.min(helpers, check.batches.size() - 1);
        for (int i = 0; i < wanted; i++) {
            try {
                executor.execute(check::work);
            } catch (RejectedExecutionException e) {
                break;
            }
        }
        check.work();
        check.awaitClaimed();
        RuntimeException error = check.failure.get();
        if (error != null) {
            throw error;
        }
    }

    private static List<List<WheelEntry>> batches(List<WheelEntry> entries, long batchBytes) {
        List<List<WheelEntry>> batches = new ArrayList<>();
        List<WheelEntry> current = new ArrayList<>();
        long bytes = 0;
        for (WheelEntry entry : entries) {
            current.add(entry);
            bytes += entry.compressedSize();
            if (bytes >= batchBytes) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
        }
        if (!current.isEmpty() || batches.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** Takes batches until none is left; each batch taken is counted down, checked or not. */
    private void work() {
        byte[] buffer = new byte[BUFFER];
        for (int index = next.getAndIncrement(); index < batches.size(); index = next.getAndIncrement()) {
            try {
                if (failure.get() == null) {
                    for (WheelEntry entry : batches.get(index)) {
                        check(entry, buffer);
                    }
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                claimedDone.countDown();
            }
        }
    }

    private void check(WheelEntry entry, byte[] buffer) {
        try (InputStream in = archive.openRawChecked(entry, sinks.apply(entry))) {
            while (in.read(buffer, 0, buffer.length) >= 0) {
                // the stream checks what passes; the bytes themselves are not needed
            }
        } catch (IOException e) {
            throw new InvalidWheelException(archive.name(), entry.name(), "it cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Every batch is taken by now (the caller took what was left); waits for those helpers still at work. */
    private void awaitClaimed() {
        boolean interrupted = false;
        while (true) {
            try {
                claimedDone.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
