package dev.pylayer.api;

import dev.pylayer.Futures;
import dev.pylayer.cache.ContentDigest;
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
import dev.pylayer.requirement.Requirement;
import dev.pylayer.resolve.Resolution;
import dev.pylayer.resolve.ResolvedPackage;
import dev.pylayer.resolve.RootRequirement;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    private boolean reuseLayers = true;
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

    /**
     * Whether a layer built before from the same wheels, target and options may be taken from the cache instead
     * of being written again (default true: hard-linked while unchanged since stored, else copied with its sha256
     * checked), and an unchanged resolution instead of resolving again. False always resolves and writes.
     */
    public LayerBuild reuseLayers(boolean value) {
        this.reuseLayers = value;
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
        try (BuildSession session = open()) {
            return session.resolve(false);
        }
    }

    /** Resolves, downloads and writes the layer to {@code output} (replaced atomically when complete). */
    public BuildResult build(Path output) {
        Objects.requireNonNull(output, "output");
        long start = System.nanoTime();
        try (BuildSession session = open()) {
            Resolution resolution = session.resolve(true);
            List<ResolvedPackage> packages = resolution.packages();
            if (packages.isEmpty()) {
                throw NothingToBuildException.noRequirementApplies(target(), session.inputs().request().requirements());
            }
            SizeControl.Options sizeOptions = new SizeControl.Options(excludeRuntimeProvided, slim, slimStubs, excludes,
                    directUpload);
            Optional<String> reuseKey = session.layersReusable()
                    ? LayerReuse.key(session, sizeOptions, unzippedLimit, zippedLimit, packages) : Optional.empty();
            Optional<BuildResult> reused = reuseKey.flatMap(key -> LayerReuse.reuse(session, key, resolution, output,
                    start, listener));
            if (reused.isPresent()) {
                return reused.get();
            }
            List<CheckedWheel> checked = session.phase(BuildEvent.Phase.DOWNLOADING,
                    () -> session.downloads().awaitAll(packages.stream().map(ResolvedPackage::file).toList()));
            List<Path> wheels = checked.stream().map(CheckedWheel::path).toList();
            int warningsBefore = session.warnings().size();
            Written written = session.phase(BuildEvent.Phase.WRITING,
                    () -> writeLayer(session, packages, checked, sizeOptions, output));

            List<BuiltPackage> built = new ArrayList<>();
            for (int i = 0; i < packages.size(); i++) {
                if (!written.size().leavesOut(packages.get(i).name())) {
                    built.add(builtPackage(packages.get(i), wheels.get(i)));
                }
            }
            LayerFacts facts = written.facts();
            LayerSummary layer = new LayerSummary(facts.sha256(), facts.size(), facts.uncompressedSize(), facts.files());
            List<String> writingWarnings = session.warnings().subList(warningsBefore, session.warnings().size());
            reuseKey.ifPresent(key -> LayerReuse.remember(session, key, output, layer, built, written.excluded(),
                    writingWarnings, written.details(), listener));
            return new BuildResult(resolution.target(), built, layer, output, session.warnings(),
                    BuildSession.since(start), written.excluded());
        }
    }

    /** The written layer, what the size options left out of it, the size options themselves and what they said. */
    private record Written(LayerFacts facts, Excluded excluded, SizeControl size, List<String> details) {
    }

    /**
     * Plans the layer from the checked wheels with the size options, checks the plan against the limits and as
     * {@link #inspect} does, then writes it.
     */
    private Written writeLayer(BuildSession session, List<ResolvedPackage> packages, List<CheckedWheel> checked,
            SizeControl.Options sizeOptions, Path output) {
        List<Path> wheels = checked.stream().map(CheckedWheel::path).toList();
        List<LayerSource> sources = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            sources.add(new LayerSource(wheels.get(i), WheelFilename.parse(packages.get(i).file().filename()),
                    packages.get(i).requested()));
        }
        SizeControl size = new SizeControl(sizeOptions, session.target(), session.inputs().request().requirements(),
                packages, wheels);
        List<String> details = new ArrayList<>();
        // Each wheel was opened (and checked) as it arrived: the plan takes those archives.
        Function<LayerSource, WheelArchive> opener = source -> session.downloads().take(source.wheel())
                .orElseGet(() -> WheelArchive.open(source.wheel(), source.filename()));
        try (LayerPlan plan = LayerPlan.create(LayerLayout.forRuntime(runtime), sources, size.trim(),
                session.executor(), opener)) {
            size.check(plan, unzippedLimit, zippedLimit);
            size.report(plan, session::warn, message -> {
                details.add(message);
                listener.onEvent(new BuildEvent.Detail(message));
            });
            Map<String, WheelFacts> factsByWheel = new HashMap<>();
            for (int i = 0; i < packages.size(); i++) {
                factsByWheel.put(packages.get(i).file().filename(), checked.get(i).facts());
            }
            // The plan is checked on another thread while the zip is written; the zip replaces the output only
            // once the check has passed (a refused layer leaves nothing behind, as if it had never been written).
            CompletableFuture<Void> inspection = CompletableFuture.runAsync(
                    () -> inspect(plan, factsByWheel, output, session), session.executor());
            LayerFacts facts;
            try {
                facts = write(plan, output, () -> Futures.join(inspection));
            } catch (RuntimeException | Error e) {
                throw inspectionFailureOr(inspection, e);
            }
            if (!directUpload && facts.size() > LambdaLimits.MAX_DIRECT_UPLOAD_BYTES) {
                session.warn("the zip is " + ByteSize.human(facts.size()) + ", over the 50 MB Lambda accepts in an "
                        + "upload request (publish it through an S3 bucket: --s3-bucket)");
            }
            return new Written(facts, size.excluded(plan, i -> builtPackage(packages.get(i), wheels.get(i))), size,
                    List.copyOf(details));
        }
    }

    /**
     * Checks the planned layer as `pylayer inspect` would check the zip (ELF files, dist-info, sizes), from what each
     * wheel's content check saw (no byte of the zip is read): a layer that would not load is refused.
     */
    private void inspect(LayerPlan plan, Map<String, WheelFacts> factsByWheel, Path output, BuildSession session) {
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
        InspectionReport report = recording.inspect(output, plan.zipSizeEstimate(), session.target());
        for (Finding warning : report.warnings()) {
            // The zipped size is only estimated here; the build says what the written zip weighs.
            if (warning.kind() != FindingKind.SIZE_ZIPPED) {
                session.warn(warning.message() + " (" + warning.fix() + ")");
            }
        }
        report.requireWillLoad();
    }

    /**
     * What to throw when writing failed while the inspection ran: once the inspection is over (it reads the plan,
     * which is closed next), its refusal if it refused (why the layer would not load says more than a write error
     * it may have caused), else the write's own failure.
     */
    private static RuntimeException inspectionFailureOr(CompletableFuture<Void> inspection, Throwable writeFailure) {
        try {
            Futures.join(inspection);
        } catch (RuntimeException refused) {
            if (refused != writeFailure) {
                refused.addSuppressed(writeFailure);
            }
            return refused;
        }
        if (writeFailure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) writeFailure;
    }

    /** Writes the plan; each wheel's entries were inflated and checked when it arrived, so they are copied raw. */
    private LayerFacts write(LayerPlan plan, Path output, Runnable beforeReplacing) {
        return LayerZipWriter.create()
                .verifyContents(false)
                .beforeReplacing(beforeReplacing)
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

    /** Gathers the inputs (reading the requirements files) and opens the resources of one build. */
    private BuildSession open() {
        BuildInputs inputs = BuildInputs.gather(target(), requirements, requirementsFiles, constraintsFiles,
                allowPrereleases, indexUrl, extraIndexUrls, findLinks, noIndex);
        return new BuildSession(inputs, cacheDir, noCache, offline, threads, listener, reuseLayers && !noCache);
    }
}
