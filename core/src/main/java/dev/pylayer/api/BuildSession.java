package dev.pylayer.api;

import dev.pylayer.cache.ContentCache;
import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.IndexClient;
import dev.pylayer.index.PackageIndex;
import dev.pylayer.resolve.DistributionCatalog;
import dev.pylayer.resolve.IndexCatalog;
import dev.pylayer.resolve.Resolution;
import dev.pylayer.resolve.ResolvedPackage;
import dev.pylayer.resolve.ResolveListener;
import dev.pylayer.resolve.Resolver;
import dev.pylayer.resolve.WheelCandidate;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.wheel.WheelFilename;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The resources of one build (cache, HTTP client, fetch threads, check threads, wheel downloads) and what it warned about; the
 * resolution runs here, with its events sent to the build's listener. Closing releases everything, in reverse.
 */
final class BuildSession implements AutoCloseable {
    private static final String LAYER_HINT = "layer key of\n";
    private final BuildInputs inputs;
    private final BuildListener listener;
    private final List<String> warnings;
    private final ContentCache cache;
    private final IndexClient client;
    private final ExecutorService executor;
    /** Content checks (inflating, hashing): CPU work, one thread per core, kept off the fetch threads. */
    private final ExecutorService checkPool;
    private final PackageIndex index;
    private final WheelDownloads downloads;
    private final String hintKey;
    /** Where this request's resolution is remembered; empty when it is not to be replayed (--rebuild, --no-cache). */
    private final Optional<String> replayKey;
    private final boolean layersReusable;
    private final boolean reuseLikely;

    /**
     * Opens the cache ({@code noCache}: a throwaway one; no {@code cacheDir}: the default one), the index client, a
     * pool of {@code threads} fetch threads and one of a thread per core for content checks; whatever was opened is
     * closed again when a later step fails.
     */
    BuildSession(BuildInputs inputs, Path cacheDir, boolean noCache, boolean offline, int threads,
            BuildListener listener, boolean layerMayBeReused) {
        this.inputs = inputs;
        this.listener = listener;
        this.warnings = new ArrayList<>(inputs.warnings());
        this.cache = noCache ? ContentCache.throwaway()
                : cacheDir != null ? ContentCache.open(cacheDir) : ContentCache.openDefault();
        IndexClient built = null;
        ExecutorService pool = null;
        try {
            built = IndexClient.builder().cache(cache).offline(offline).maxConcurrentRequests(threads).build();
            pool = newPool(threads, "pylayer-fetch-");
            this.index = built.index(inputs.indexOptions());
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.shutdownNow();
            }
            if (built != null) {
                built.close();
            }
            cache.close();
            throw e;
        }
        this.client = built;
        this.executor = pool;
        this.checkPool = newPool(Runtime.getRuntime().availableProcessors(), "pylayer-check-");
        this.hintKey = ListingHints.key(inputs.target(), inputs.indexOptions(), inputs.request());
        this.layersReusable = layerMayBeReused;
        this.replayKey = layerMayBeReused ? ResolutionReplay.key(hintKey, inputs.request()) : Optional.empty();
        // The last build of the same request stored a layer that is still there: most likely this one reuses it.
        this.reuseLikely = layerMayBeReused && cache.hint(LAYER_HINT + hintKey)
                .map(key -> cache.layers().mayHold(new String(key, StandardCharsets.UTF_8))).orElse(false);
        this.downloads = new WheelDownloads(client, executor, checkPool, listener, this::requiredHashes,
                new WheelContentChecks(cache, checkPool),
                file -> reuseLikely && file.sha256().map(cache::mayHoldWheel).orElse(false));
    }

    /** Whether this build may take a stored layer, and a stored resolution, instead of making them again. */
    boolean layersReusable() {
        return layersReusable;
    }

    LambdaTarget target() {
        return inputs.target();
    }

    BuildInputs inputs() {
        return inputs;
    }

    ContentCache cache() {
        return cache;
    }

    ExecutorService executor() {
        return executor;
    }

    WheelDownloads downloads() {
        return downloads;
    }

    /** The warnings so far: the requirements files', then the resolution's and the build's. */
    List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    /** The {@code --hash} values the user gave for this file's project ({@code sha256:…}); empty when none. */
    Collection<String> requiredHashes(DistributionFile file) {
        Optional<WheelFilename> wheel = WheelFilename.tryParse(file.filename());
        return wheel.map(w -> inputs.hashes().getOrDefault(w.name(), Set.of())).orElse(Set.of());
    }

    /** @param download whether to start fetching each pinned wheel at once (a build), or never (a resolve) */
    Resolution resolve(boolean download) {
        listener.onEvent(new BuildEvent.PhaseStarted(BuildEvent.Phase.RESOLVING));
        long start = System.nanoTime();
        IndexCatalog catalog = new IndexCatalog(index, client, executor, inputs.target().markerEnvironment());
        LambdaTarget target = inputs.target();
        ListingHints.load(cache, hintKey).forEach(catalog::prefetchListing);
        Optional<ResolutionReplay.Stored> stored = replayKey.flatMap(key -> ResolutionReplay.load(cache, key));
        Optional<Resolution> replayed = stored.flatMap(s -> ResolutionReplay.replay(s, catalog, target));
        if (replayed.isPresent()) {
            listener.onEvent(new BuildEvent.ResolutionReplayed(stored.get().listings().size()));
            for (ResolvedPackage p : replayed.get().packages()) {
                listener.onEvent(new BuildEvent.PackagePinned(p.name().normalized(), p.version().toString(),
                        p.file().filename()));
                if (download) {
                    downloads.startEarly(p.file());
                }
            }
            stored.get().warnings().forEach(this::warn);
            listener.onEvent(new BuildEvent.PhaseFinished(BuildEvent.Phase.RESOLVING, since(start)));
            return replayed.get();
        }
        ResolutionReplay.Recording recording = new ResolutionReplay.Recording(catalog);
        List<String> resolverWarnings = Collections.synchronizedList(new ArrayList<>());
        // A build fetches each project's likely wheel as soon as its metadata is asked for; a resolve fetches none.
        DistributionCatalog source = download ? new EarlyDownloads(recording, downloads) : recording;
        Resolver resolver = new Resolver(source, target, executor, new ResolveListener() {
            @Override
            public void pinned(WheelCandidate candidate) {
                listener.onEvent(new BuildEvent.PackagePinned(candidate.name().normalized(),
                        candidate.version().toString(), candidate.file().filename()));
                if (download) {
                    downloads.startEarly(candidate.file());
                }
            }

            @Override
            public void backtracking(String detail) {
                listener.onEvent(new BuildEvent.Backtracking(detail));
            }

            @Override
            public void warning(String message) {
                resolverWarnings.add(message);
                warn(message);
            }
        }, catalog.describeIndexes());
        Resolution resolution = resolver.resolve(inputs.request());
        ListingHints.save(cache, hintKey, resolution);
        replayKey.ifPresent(key -> ResolutionReplay.remember(cache, key, recording, resolution,
                List.copyOf(resolverWarnings)));
        listener.onEvent(new BuildEvent.PhaseFinished(BuildEvent.Phase.RESOLVING, since(start)));
        return resolution;
    }

    /**
     * Remembers that this request's layer is stored under {@code layerKey}, so that the next build of the same
     * request leaves cached wheels alone while it resolves (they are not needed when the layer is reused). A hint:
     * when wrong, the next build only checks its cached wheels later.
     */
    void rememberLayerKey(String layerKey) {
        byte[] value = layerKey.getBytes(StandardCharsets.UTF_8);
        if (!cache.hint(LAYER_HINT + hintKey).map(old -> Arrays.equals(old, value)).orElse(false)) {
            cache.putHint(LAYER_HINT + hintKey, value);
        }
    }

    /** Runs one phase of the build between its started and finished events (none when it fails). */
    <T> T phase(BuildEvent.Phase phase, Supplier<T> work) {
        listener.onEvent(new BuildEvent.PhaseStarted(phase));
        long start = System.nanoTime();
        T result = work.get();
        listener.onEvent(new BuildEvent.PhaseFinished(phase, since(start)));
        return result;
    }

    void warn(String message) {
        synchronized (warnings) {
            warnings.add(message);
        }
        listener.onEvent(new BuildEvent.Warning(message));
    }

    @Override
    public void close() {
        downloads.close();
        executor.shutdownNow();
        checkPool.shutdownNow();
        awaitEnd(executor);
        awaitEnd(checkPool);
        client.close();
        cache.close();
    }

    /**
     * Look-ahead fetches the build no longer needs were interrupted; their last cache writes end within
     * milliseconds. Waiting for them means that once {@code close()} returns nothing of this build touches the
     * cache folder any more (an embedding build may delete or reuse it at once). Bounded, for a fetch stuck in a
     * read that ignores the interrupt.
     */
    private static void awaitEnd(ExecutorService executor) {
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static ExecutorService newPool(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, name + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
