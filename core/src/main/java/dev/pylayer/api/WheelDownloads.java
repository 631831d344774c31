package dev.pylayer.api;

import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.IndexClient;
import dev.pylayer.inspect.WheelFacts;
import dev.pylayer.wheel.WheelArchive;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A wheel on disk whose content passed its check, with what the layer inspection needs to know of its files.
 */
record CheckedWheel(Path path, WheelFacts facts) {
}

/**
 * Wheel downloads that start as soon as the resolver pins a version (most pins survive, so the bytes arrive
 * while resolution goes on) and are awaited once the resolution is final. Each file is fetched once on a fetch
 * thread, then its content is checked ({@link WheelContentChecks}) on a check thread (CPU work, one thread per core:
 * the fetch threads stay free for the index requests the resolution is waiting on), so a wheel is ready to be
 * copied raw when its future completes, and its archive stays open for the layer writer ({@link #take});
 * progress is reported as one total over all files.
 */
final class WheelDownloads {
    private final IndexClient client;
    private final Executor executor;
    private final Executor checkExecutor;
    private final BuildListener listener;
    private final Function<DistributionFile, Collection<String>> requiredHashes;
    private final WheelContentChecks checks;
    private final Predicate<DistributionFile> deferEarly;
    private final Map<String, CompletableFuture<CheckedWheel>> downloads = new ConcurrentHashMap<>();
    private final Map<Path, WheelArchive> opened = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final AtomicLong doneBytes = new AtomicLong();
    private final AtomicInteger doneFiles = new AtomicInteger();
    private volatile long totalBytes = -1;
    private volatile int totalFiles;
    private volatile long lastReport;

    WheelDownloads(IndexClient client, Executor executor, Executor checkExecutor, BuildListener listener,
            Function<DistributionFile, Collection<String>> requiredHashes, WheelContentChecks checks,
            Predicate<DistributionFile> deferEarly) {
        this.client = client;
        this.checkExecutor = checkExecutor;
        this.deferEarly = deferEarly;
        this.checks = checks;
        this.executor = executor;
        this.listener = listener;
        this.requiredHashes = requiredHashes;
    }

    /**
     * Starts fetching the file during resolution, unless the build says to leave it for {@link #awaitAll}: a wheel
     * already in the cache when the layer may be reused whole, so that its hash and check are not spent on a
     * layer that is then copied.
     */
    void startEarly(DistributionFile file) {
        if (!deferEarly.test(file)) {
            start(file);
        }
    }

    /** Starts fetching the file unless it already is. */
    CompletableFuture<CheckedWheel> start(DistributionFile file) {
        return downloads.computeIfAbsent(file.url(), url -> CompletableFuture.supplyAsync(
                () -> client.wheel(file, requiredHashes.apply(file), bytes -> {
                    doneBytes.addAndGet(bytes);
                    report(false);
                }), executor).thenApplyAsync(path -> {
            WheelContentChecks.Opened checked = checks.open(file, path);
            WheelFacts facts = checked.facts();
            if (opened.putIfAbsent(path, checked.archive()) != null || closed) {
                checked.archive().close();
            }
            doneFiles.incrementAndGet();
            report(false);
            return new CheckedWheel(path, facts);
        }, checkExecutor));
    }

    /** The archive opened (and checked) when {@code wheel} arrived, if it is still open; the caller closes it. */
    Optional<WheelArchive> take(Path wheel) {
        return Optional.ofNullable(opened.remove(wheel));
    }

    /** Closes the archives nobody took (wheels the resolution did not keep, or a build that failed). */
    void close() {
        closed = true;
        opened.values().forEach(WheelArchive::close);
        opened.clear();
    }

    /** Waits for every file (starting those not started), reporting totals over exactly these files. */
    List<CheckedWheel> awaitAll(List<DistributionFile> files) {
        long total = 0;
        for (DistributionFile file : files) {
            if (file.size().isEmpty()) {
                total = -1;
                break;
            }
            total += file.size().getAsLong();
        }
        totalBytes = total;
        totalFiles = files.size();
        List<CompletableFuture<CheckedWheel>> futures = files.stream().map(this::start).toList();
        try {
            List<CheckedWheel> paths = futures.stream().map(CompletableFuture::join).toList();
            report(true);
            return paths;
        } catch (CompletionException e) {
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private void report(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastReport < 100_000_000L) {
            return;
        }
        lastReport = now;
        listener.onEvent(new BuildEvent.DownloadProgress(Math.max(0, doneBytes.get()), totalBytes,
                Math.min(doneFiles.get(), Math.max(totalFiles, doneFiles.get())), totalFiles));
    }
}
