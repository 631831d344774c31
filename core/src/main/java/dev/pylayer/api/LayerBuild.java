package dev.pylayer.api;

import dev.pylayer.cache.ContentCache;
import dev.pylayer.cache.ContentDigest;
import dev.pylayer.index.DistributionFile;
import dev.pylayer.index.IndexClient;
import dev.pylayer.index.IndexOptions;
import dev.pylayer.index.PackageIndex;
import dev.pylayer.inspect.Finding;
import dev.pylayer.inspect.FindingKind;
import dev.pylayer.inspect.InspectionReport;
import dev.pylayer.inspect.LayerInspector;
import dev.pylayer.inspect.WheelFacts;
import dev.pylayer.layer.LayerFacts;
import dev.pylayer.layer.LayerLayout;
import dev.pylayer.layer.LayerPlan;
import dev.pylayer.layer.LayerSource;
import dev.pylayer.layer.LayerZipWriter;
import dev.pylayer.layer.PathGlob;
import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.Requirement;
import dev.pylayer.requirements.Hash;
import dev.pylayer.requirements.RequirementLine;
import dev.pylayer.requirements.RequirementsFile;
import dev.pylayer.resolve.DistributionCatalog;
import dev.pylayer.resolve.IndexCatalog;
import dev.pylayer.resolve.Resolution;
import dev.pylayer.resolve.ResolveListener;
import dev.pylayer.resolve.ResolveRequest;
import dev.pylayer.resolve.ResolvedPackage;
import dev.pylayer.resolve.Resolver;
import dev.pylayer.resolve.RootRequirement;
import dev.pylayer.resolve.WheelCandidate;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.ByteSize;
import dev.pylayer.runtime.LambdaLimits;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.wheel.WheelArchive;
import dev.pylayer.wheel.WheelFilename;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Builds a Lambda layer from Python requirements: the library's front door (the CLI is a thin shell over it).
 *
 * <pre>{@code
 * BuildResult result = LayerBuild.forRuntime(LambdaRuntime.PYTHON_3_12)
 *     .arch(Architecture.ARM64)
 *     .require("pandas", "requests>=2.31")
 *     .listener(event -> System.err.println(event))
 *     .build(Path.of("layer.zip"));
 * }</pre>
 *
 * A build resolves the requirements the way pip does for the runtime's CPython, glibc and architecture, downloads
 * the chosen wheels (verifying their hashes, through a content-addressed cache) while it resolves, and writes a
 * deterministic zip with everything under {@code python/lib/pythonX.Y/site-packages/}. The output appears only
 * when complete. Instances are not thread-safe; {@link #build} may be called again.
 */
public final class LayerBuild {
    private LambdaRuntime runtime;
    private Architecture architecture = Architecture.DEFAULT;
    private final List<RootRequirement> requirements = new ArrayList<>();
    private final List<Path> requirementsFiles = new ArrayList<>();
    private final List<Path> constraintsFiles = new ArrayList<>();
    private String indexUrl;
    private final List<String> extraIndexUrls = new ArrayList<>();
    private final List<String> findLinks = new ArrayList<>();
    private boolean noIndex;
    private Path cacheDir;
    private boolean noCache;
    private boolean offline;
    private boolean allowPrereleases;
    private int threads = 16;
    private BuildListener listener = BuildListener.NONE;
    private boolean excludeRuntimeProvided;
    private boolean slim;
    private boolean slimStubs;
    private final List<PathGlob> excludes = new ArrayList<>();
    private boolean directUpload;
    private long unzippedLimit = LambdaLimits.MAX_UNZIPPED_BYTES;
    private long zippedLimit = LambdaLimits.MAX_DIRECT_UPLOAD_BYTES;

    private LayerBuild(LambdaRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /** A build for a Lambda Python runtime, on x86_64 until {@link #arch} says otherwise. */
    public static LayerBuild forRuntime(LambdaRuntime runtime) {
        return new LayerBuild(runtime);
    }

    public LayerBuild runtime(LambdaRuntime value) {
        this.runtime = Objects.requireNonNull(value, "runtime");
        return this;
    }

    public LayerBuild arch(Architecture value) {
        this.architecture = Objects.requireNonNull(value, "architecture");
        return this;
    }

    /** PEP 508 requirements, e.g. {@code "requests>=2.31"}, {@code "uvicorn[standard]"}. */
    public LayerBuild require(String... values) {
        for (String value : values) {
            requirements.add(RootRequirement.of(Requirement.parse(value)));
        }
        return this;
    }

    public LayerBuild require(Requirement requirement) {
        requirements.add(RootRequirement.of(requirement));
        return this;
    }

    /** A pip requirements file ({@code -r}): its requirements, constraints, hashes and index options. */
    public LayerBuild requirementsFile(Path file) {
        requirementsFiles.add(Objects.requireNonNull(file, "file"));
        return this;
    }

    /** A pip constraints file ({@code -c}): limits versions, never adds projects. */
    public LayerBuild constraintsFile(Path file) {
        constraintsFiles.add(Objects.requireNonNull(file, "file"));
        return this;
    }

    /**
     * The main index: a URL whose last path segment is {@code simple} is a PEP 503/691 simple index
     * ({@code https://…/simple}, {@code file:///…/simple}); any other is a PyPI JSON API base ({@code <url>/<project>/json}).
     * Default {@code https://pypi.org/pypi}, or what a requirements file says.
     */
    public LayerBuild indexUrl(String value) {
        this.indexUrl = value;
        return this;
    }

    public LayerBuild extraIndexUrl(String value) {
        extraIndexUrls.add(Objects.requireNonNull(value, "value"));
        return this;
    }

    /** A folder of wheels, or an HTML page of links, searched besides the indexes (pip's {@code --find-links}). */
    public LayerBuild findLinks(String value) {
        findLinks.add(Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Ignore every index: only {@link #findLinks} locations (pip's {@code --no-index}). */
    public LayerBuild noIndex(boolean value) {
        this.noIndex = value;
        return this;
    }

    /** Where downloads and index documents are cached (default: the OS user cache folder, or {@code PYLAYER_CACHE_DIR}). */
    public LayerBuild cacheDir(Path value) {
        this.cacheDir = value;
        return this;
    }

    /** Use a throwaway cache, deleted when the build ends. */
    public LayerBuild noCache(boolean value) {
        this.noCache = value;
        return this;
    }

    /** Never touch the network: only what the cache (and local folders) hold. */
    public LayerBuild offline(boolean value) {
        this.offline = value;
        return this;
    }

    /** Let pre-releases be chosen (pip's {@code --pre}). */
    public LayerBuild allowPrereleases(boolean value) {
        this.allowPrereleases = value;
        return this;
    }

    /** How many fetches may run at once (default 16). */
    public LayerBuild threads(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = value;
        return this;
    }

    /**
     * Leave out what the Lambda runtime already ships (boto3, botocore, s3transfer, jmespath, python-dateutil, six,
     * urllib3: {@link dev.pylayer.runtime.RuntimeProvidedPackages}) unless a requirement of the user pins it with
     * {@code ==} or {@code ===}. Resolution is unchanged; the function then imports the runtime's copies, and every
     * requirement that names versions of them is reported as a warning.
     */
    public LayerBuild excludeRuntimeProvided(boolean value) {
        this.excludeRuntimeProvided = value;
        return this;
    }

    /**
     * Leave out {@code __pycache__} folders, {@code .pyo} files, {@code .pyc} files beside their source, and the
     * {@code tests}/{@code test} folders inside packages, except test modules that other modules import.
     */
    public LayerBuild slim(boolean value) {
        this.slim = value;
        return this;
    }

    /** Leave out {@code .pyi} type stubs, which only type checkers read. */
    public LayerBuild slimStubs(boolean value) {
        this.slimStubs = value;
        return this;
    }

    /**
     * Leave out the files matching these globs, relative to site-packages ({@code botocore/data/**}; {@code **}
     * crosses folders, a folder matches everything below it). A glob that would remove a dist-info's METADATA,
     * RECORD or WHEEL is refused when the build runs; a malformed one here ({@code InvalidExcludeException}).
     */
    public LayerBuild exclude(String... globs) {
        for (String glob : globs) {
            excludes.add(PathGlob.parse(glob));
        }
        return this;
    }

    /**
     * The zip will be uploaded to Lambda directly, not through S3: fail before writing when it would be about
     * 50 MB or more zipped (estimated from the wheels' compressed sizes).
     */
    public LayerBuild directUpload(boolean value) {
        this.directUpload = value;
        return this;
    }

    /** Lambda's limits, lowered by tests so that small layers pass them. */
    LayerBuild limits(long unzipped, long zipped) {
        this.unzippedLimit = unzipped;
        this.zippedLimit = zipped;
        return this;
    }

    public LayerBuild listener(BuildListener value) {
        this.listener = value == null ? BuildListener.NONE : value;
        return this;
    }

    public LambdaTarget target() {
        return new LambdaTarget(runtime, architecture);
    }

    /** Resolves without downloading wheels or writing anything: what {@link #build} would install. */
    public Resolution resolve() {
        try (Session session = open()) {
            return session.resolve(false);
        }
    }

    /** Resolves, downloads and writes the layer to {@code output} (replaced atomically when complete). */
    public BuildResult build(Path output) {
        Objects.requireNonNull(output, "output");
        long start = System.nanoTime();
        try (Session session = open()) {
            Resolution resolution = session.resolve(true);
            List<ResolvedPackage> packages = resolution.packages();

            listener.onEvent(new BuildEvent.PhaseStarted(BuildEvent.Phase.DOWNLOADING));
            long downloadStart = System.nanoTime();
            List<CheckedWheel> checked = session.downloads.awaitAll(packages.stream().map(ResolvedPackage::file).toList());
            List<Path> wheels = checked.stream().map(CheckedWheel::path).toList();
            listener.onEvent(new BuildEvent.PhaseFinished(BuildEvent.Phase.DOWNLOADING, since(downloadStart)));

            listener.onEvent(new BuildEvent.PhaseStarted(BuildEvent.Phase.WRITING));
            long writeStart = System.nanoTime();
            Excluded excluded;
            List<LayerSource> sources = new ArrayList<>();
            for (int i = 0; i < packages.size(); i++) {
                sources.add(new LayerSource(wheels.get(i), WheelFilename.parse(packages.get(i).file().filename()),
                        packages.get(i).requested()));
            }
            SizeControl size = new SizeControl(new SizeControl.Options(excludeRuntimeProvided, slim, slimStubs,
                    excludes, directUpload), session.target, session.request.requirements(), packages, wheels);
            LayerFacts facts;
            // Each wheel was opened (and checked) as it arrived: the plan takes those archives.
            Function<LayerSource, WheelArchive> opener = source -> session.downloads.take(source.wheel())
                    .orElseGet(() -> WheelArchive.open(source.wheel(), source.filename()));
            try (LayerPlan plan = LayerPlan.create(LayerLayout.forRuntime(runtime), sources, size.trim(),
                    session.executor, opener)) {
                size.check(plan, unzippedLimit, zippedLimit);
                size.report(plan, session::warn, message -> listener.onEvent(new BuildEvent.Detail(message)));
                Map<String, WheelFacts> factsByWheel = new HashMap<>();
                for (int i = 0; i < packages.size(); i++) {
                    factsByWheel.put(packages.get(i).file().filename(), checked.get(i).facts());
                }
                inspect(plan, factsByWheel, output, session);
                facts = write(plan, output);
                if (!directUpload && facts.size() > LambdaLimits.MAX_DIRECT_UPLOAD_BYTES) {
                    session.warn("the zip is " + ByteSize.human(facts.size()) + ", over the 50 MB Lambda accepts in an "
                            + "upload request (publish it through an S3 bucket: --s3-bucket)");
                }
                excluded = size.excluded(plan, i -> builtPackage(packages.get(i), wheels.get(i)));
            }
            listener.onEvent(new BuildEvent.PhaseFinished(BuildEvent.Phase.WRITING, since(writeStart)));

            List<BuiltPackage> built = new ArrayList<>();
            for (int i = 0; i < packages.size(); i++) {
                if (!size.leavesOut(packages.get(i).name())) {
                    built.add(builtPackage(packages.get(i), wheels.get(i)));
                }
            }
            return new BuildResult(resolution.target(), built,
                    new LayerSummary(facts.sha256(), facts.size(), facts.uncompressedSize(), facts.files()),
                    output, session.warnings, since(start), excluded);
        }
    }

    /**
     * Checks the planned layer as `pylayer inspect` would check the zip (ELF files, dist-info, sizes), from what each
     * wheel's content check saw, before a byte is written: a layer that would not load is refused.
     */
    private void inspect(LayerPlan plan, Map<String, WheelFacts> factsByWheel, Path output, Session session) {
        LayerInspector.Recording recording = LayerInspector.record();
        plan.visitFiles(new LayerPlan.FileVisitor() {
            @Override
            public void copied(String zipPath, long size, long compressedSize, String wheel, String entryName) {
                WheelFacts facts = factsByWheel.get(wheel);
                if (facts == null || !recording.copied(zipPath, compressedSize, facts, entryName)) {
                    throw new IllegalStateException("no facts for `" + entryName + "` of " + wheel);
                }
            }

            @Override
            public void generated(String zipPath, byte[] content) {
                recording.generated(zipPath, content);
            }
        });
        InspectionReport report = recording.inspect(output, plan.zipSizeEstimate(), session.target);
        for (Finding warning : report.warnings()) {
            // The zipped size is only estimated here; the build says what the written zip weighs.
            if (warning.kind() != FindingKind.SIZE_ZIPPED) {
                session.warn(warning.message() + " (" + warning.fix() + ")");
            }
        }
        report.requireWillLoad();
    }

    /** Writes the plan; each wheel's entries were inflated and checked when it arrived, so they are copied raw. */
    private LayerFacts write(LayerPlan plan, Path output) {
        return LayerZipWriter.create()
                .verifyContents(false)
                .progress((done, total, bytes) -> {
                    if (done == total || done % 500 == 0) {
                        listener.onEvent(new BuildEvent.WritingProgress(done, total, bytes));
                    }
                })
                .write(plan, output);
    }

    private static BuiltPackage builtPackage(ResolvedPackage p, Path wheel) {
        try {
            Optional<String> known = p.file().sha256();
            String sha256 = known.isPresent() ? known.get() : ContentDigest.sha256Hex(wheel);
            return new BuiltPackage(p.name().normalized(), p.version().toString(), p.file().filename(), p.file().url(),
                    sha256, Files.size(wheel), p.requested());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    // ---- one build's resources: cache, HTTP client, threads ----

    private Session open() {
        return new Session();
    }

    /** The inputs gathered from the builder and the requirements files, and the resources of one build. */
    private final class Session implements AutoCloseable {
        final List<String> warnings = new ArrayList<>();
        final LambdaTarget target = target();
        final ResolveRequest request;
        final ContentCache cache;
        final IndexClient client;
        final ExecutorService executor;
        final PackageIndex index;
        final WheelDownloads downloads;
        final Map<PackageName, Set<String>> hashes;
        final IndexOptions indexOptions;

        Session() {
            List<RootRequirement> roots = new ArrayList<>(requirements);
            List<Requirement> constraints = new ArrayList<>();
            Map<PackageName, Set<String>> hashesByName = new HashMap<>();
            boolean pre = allowPrereleases;
            boolean hashChecking = false;
            Optional<String> fileIndexUrl = Optional.empty();
            List<String> extras = new ArrayList<>(extraIndexUrls);
            List<String> links = new ArrayList<>(findLinks);
            boolean fileNoIndex = false;
            List<Path> files = new ArrayList<>(requirementsFiles);
            if (!files.isEmpty() || !constraintsFiles.isEmpty()) {
                RequirementsFile parsed = RequirementsFile.parse(files, System::getenv);
                RequirementsFile constraintsOnly = constraintsFiles.isEmpty() ? null
                        : RequirementsFile.parse(constraintsFiles, System::getenv);
                for (RequirementLine line : parsed.requirements()) {
                    roots.add(new RootRequirement(line.requirement(), line.source()));
                }
                parsed.constraints().forEach(line -> constraints.add(line.requirement()));
                if (constraintsOnly != null) {
                    // A file given as -c holds constraints only, whatever its lines look like (pip's rule).
                    constraintsOnly.requirements().forEach(line -> constraints.add(line.requirement()));
                    constraintsOnly.constraints().forEach(line -> constraints.add(line.requirement()));
                }
                parsed.validateHashCheckingMode(target.markerEnvironment());
                hashChecking = parsed.hashCheckingMode();
                for (RequirementLine line : concat(parsed.requirements(), parsed.constraints())) {
                    Set<Hash> given = parsed.hashesFor(line.requirement().name());
                    if (!given.isEmpty()) {
                        Set<String> texts = new LinkedHashSet<>();
                        given.forEach(h -> texts.add(h.toString()));
                        hashesByName.put(line.requirement().name(), texts);
                    }
                }
                pre = pre || parsed.pre();
                fileIndexUrl = parsed.indexUrl();
                extras.addAll(parsed.extraIndexUrls());
                parsed.findLinks().forEach(links::add);
                fileNoIndex = parsed.noIndex();
                warnings.addAll(parsed.warnings());
            }
            if (roots.isEmpty()) {
                throw new NothingToBuildException();
            }
            this.hashes = Map.copyOf(hashesByName);
            this.request = new ResolveRequest(roots, constraints, hashes, pre, hashChecking);

            String mainIndex = indexUrl != null ? indexUrl : fileIndexUrl.orElse(IndexOptions.DEFAULT_INDEX_URL);
            IndexOptions options = new IndexOptions(Optional.of(mainIndex), extras, links);
            if (noIndex || fileNoIndex) {
                options = options.withoutIndex();
            }
            this.indexOptions = options;
            this.cache = noCache ? ContentCache.throwaway()
                    : cacheDir != null ? ContentCache.open(cacheDir) : ContentCache.openDefault();
            IndexClient built = null;
            ExecutorService pool = null;
            try {
                built = IndexClient.builder().cache(cache).offline(offline).maxConcurrentRequests(threads).build();
                pool = newPool(threads);
                this.index = built.index(options);
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
            this.downloads = new WheelDownloads(client, executor, listener, this::requiredHashes,
                    new WheelContentChecks(cache, executor));
        }

        private Collection<String> requiredHashes(DistributionFile file) {
            Optional<WheelFilename> wheel = WheelFilename.tryParse(file.filename());
            return wheel.map(w -> hashes.getOrDefault(w.name(), Set.of())).orElse(Set.of());
        }

        /** @param download whether to start fetching each pinned wheel at once (a build), or never (a resolve) */
        Resolution resolve(boolean download) {
            listener.onEvent(new BuildEvent.PhaseStarted(BuildEvent.Phase.RESOLVING));
            long start = System.nanoTime();
            IndexCatalog catalog = new IndexCatalog(index, client, executor);
            String hintKey = ListingHints.key(target, indexOptions, request);
            ListingHints.load(cache, hintKey).forEach(catalog::prefetchListing);
            // A build fetches each project's likely wheel as soon as its metadata is asked for; a resolve fetches none.
            DistributionCatalog source = download ? new EarlyDownloads(catalog, downloads) : catalog;
            Resolver resolver = new Resolver(source, target, executor, new ResolveListener() {
                @Override
                public void pinned(WheelCandidate candidate) {
                    listener.onEvent(new BuildEvent.PackagePinned(candidate.name().normalized(),
                            candidate.version().toString(), candidate.file().filename()));
                    if (download) {
                        downloads.start(candidate.file());
                    }
                }

                @Override
                public void backtracking(String detail) {
                    listener.onEvent(new BuildEvent.Backtracking(detail));
                }

                @Override
                public void warning(String message) {
                    warn(message);
                }
            }, catalog.describeIndexes());
            Resolution resolution = resolver.resolve(request);
            ListingHints.save(cache, hintKey, resolution);
            listener.onEvent(new BuildEvent.PhaseFinished(BuildEvent.Phase.RESOLVING, since(start)));
            return resolution;
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
            client.close();
            cache.close();
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static ExecutorService newPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "pylayer-fetch-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
