package dev.pylayer.cli;

import dev.pylayer.api.BuildReport;
import dev.pylayer.api.BuildResult;
import dev.pylayer.api.BuiltPackage;
import dev.pylayer.api.LayerBuild;
import dev.pylayer.publish.AttachResult;
import dev.pylayer.publish.AwsClients;
import dev.pylayer.publish.LayerName;
import dev.pylayer.publish.LayerPublisher;
import dev.pylayer.publish.PublishRequest;
import dev.pylayer.publish.PublishResult;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.ByteSize;
import dev.pylayer.runtime.LambdaRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code pylayer build}: requirements in, a Lambda layer zip out (and optionally published and attached). */
@Command(name = "build", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = PylayerCommand.VersionProvider.class,
        description = {"Builds a Lambda layer zip from Python requirements, with the manylinux wheels that load on the "
                + "runtime's Python, glibc and architecture. No Docker, no local Python.",
                "",
                "Examples:",
                "  pylayer build requests pandas --runtime python3.11 -o layer.zip",
                "  pylayer build -r requirements.txt --runtime python3.12 --arch arm64 --report report.json"})
final class BuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "REQUIREMENT", arity = "0..*",
            description = "PEP 508 requirements, e.g. `requests`, `pandas>=2.2`, `uvicorn[standard]`.")
    List<String> requirements = new ArrayList<>();

    @Option(names = {"-r", "--requirement"}, paramLabel = "FILE",
            description = "A pip requirements file (repeatable): -r/-c includes, --hash, index options, markers.")
    List<Path> requirementsFiles = new ArrayList<>();

    @Option(names = {"-c", "--constraint"}, paramLabel = "FILE",
            description = "A constraints file (repeatable): limits versions, never adds packages.")
    List<Path> constraintsFiles = new ArrayList<>();

    @Option(names = "--runtime", paramLabel = "pythonX.Y", defaultValue = "python3.12",
            converter = TargetConverters.Runtime.class,
            description = "Lambda runtime: python3.9 … python3.14 (default: ${DEFAULT-VALUE}).")
    LambdaRuntime runtime;

    @Option(names = "--arch", paramLabel = "x86_64|arm64", defaultValue = "x86_64",
            converter = TargetConverters.Arch.class,
            description = "Lambda architecture (default: ${DEFAULT-VALUE}).")
    Architecture arch;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "layer.zip",
            description = "The layer zip to write (default: ${DEFAULT-VALUE}); replaced only when complete.")
    Path output;

    @Option(names = {"-i", "--index-url"}, paramLabel = "URL", defaultValue = "${env:PYLAYER_INDEX_URL}",
            description = {"Main index (env PYLAYER_INDEX_URL; default https://pypi.org/pypi). A URL ending in "
                    + "`/simple` is a PEP 503/691 simple index (https:// or file://); any other is a PyPI JSON API base."})
    String indexUrl;

    @Option(names = "--extra-index-url", paramLabel = "URL", description = "Another index to search (repeatable).")
    List<String> extraIndexUrls = new ArrayList<>();

    @Option(names = {"-f", "--find-links"}, paramLabel = "DIR|URL",
            description = "A folder of wheels, or an HTML page of links, to search too (repeatable).")
    List<String> findLinks = new ArrayList<>();

    @Option(names = "--no-index", description = "Ignore every index; use only --find-links locations.")
    boolean noIndex;

    @Option(names = "--pre", description = "Allow pre-release versions.")
    boolean pre;

    @Option(names = "--exclude-runtime-provided",
            description = "Leave out what the Lambda runtime already ships (boto3, botocore, s3transfer, jmespath, "
                    + "python-dateutil, six, urllib3) unless you pinned it (==); the function then uses the runtime's copy.")
    boolean excludeRuntimeProvided;

    @Option(names = "--slim", description = "Leave out __pycache__ folders, .pyc/.pyo files and the tests/test folders "
            + "inside packages (test modules other code imports stay).")
    boolean slim;

    @Option(names = "--slim-stubs", description = "Leave out .pyi type stubs.")
    boolean slimStubs;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out files matching GLOB, relative to site-packages (repeatable), e.g. "
                    + "'botocore/data/**'; `**` crosses folders. dist-info METADATA/RECORD/WHEEL cannot be excluded.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of the packages and the layer.")
    Path report;

    @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = "${env:PYLAYER_CACHE_DIR}",
            description = "Cache folder (env PYLAYER_CACHE_DIR; default: the user cache folder of the OS).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Use a throwaway cache, removed at the end.")
    boolean noCache;

    @Option(names = "--offline", description = "Use only the cache and local folders; never the network.")
    boolean offline;

    @Option(names = "--rebuild", description = "Resolve again and write the layer even when the cache holds one "
            + "built from the same wheels, target and options (by default that one is hard-linked to the output, or "
            + "copied with its sha256 checked when it changed since stored or lives on another disk; and when every "
            + "index listing the last resolution read is unchanged, that resolution is taken).")
    boolean rebuild;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "16",
            description = "Downloads and index requests at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--publish", paramLabel = "NAME",
            description = "After building, publish the zip as a new version of this layer (see `pylayer publish`).")
    String publishName;

    @Option(names = "--attach", paramLabel = "FUNCTION",
            description = "With --publish: attach the version to this function (repeatable).")
    List<String> attach = new ArrayList<>();

    @Option(names = "--s3-bucket", paramLabel = "BUCKET", description = "With --publish: upload through this bucket.")
    String s3Bucket;

    @Mixin
    AwsOptions aws;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!attach.isEmpty() && publishName == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--attach needs --publish NAME");
        }
        LayerBuild build = LayerBuild.forRuntime(runtime).arch(arch)
                .indexUrl(blankToNull(indexUrl)).noIndex(noIndex).allowPrereleases(pre).offline(offline)
                .noCache(noCache).cacheDir(cacheDir).reuseLayers(!rebuild).threads(jobs).excludeRuntimeProvided(excludeRuntimeProvided)
                .slim(slim).slimStubs(slimStubs).directUpload(publishName != null && s3Bucket == null);
        excludes.forEach(build::exclude);
        requirements.forEach(build::require);
        requirementsFiles.forEach(build::requirementsFile);
        constraintsFiles.forEach(build::constraintsFile);
        extraIndexUrls.forEach(build::extraIndexUrl);
        findLinks.forEach(build::findLinks);
        ProgressRenderer progress = new ProgressRenderer(err, !quiet && ProgressRenderer.isTerminal(), verbose.verbose(),
                quiet);
        build.listener(progress);
        BuildResult result;
        try {
            result = build.build(output);
        } finally {
            progress.finish();
        }
        if (report != null) {
            BuildReport.write(result, report);
        }
        if (!quiet) {
            err.println(summary(result));
            err.flush();
        }
        if (publishName != null) {
            publish(result, out, err);
        }
        return ExitCodes.OK;
    }

    private void publish(BuildResult result, PrintWriter out, PrintWriter err) {
        PublishRequest request = PublishRequest.builder(result.output(), LayerName.parse(publishName))
                .runtimes(List.of(result.target().runtime())).s3(s3Bucket, null).build();
        try (AwsClients clients = AwsClients.open(aws.settings())) {
            LayerPublisher publisher = LayerPublisher.builder(clients.lambda()).s3(clients.s3())
                    .listener(PublishRendering.listener(err, verbose.verbose())).build();
            PublishResult published = publisher.publish(request);
            err.println((published.reused() ? "unchanged: reusing " : "published ")
                    + published.layerVersion().layerVersionArn());
            for (String function : attach) {
                AttachResult attached = publisher.attach(function, published);
                err.println("attached to `" + attached.function() + "` (" + attached.outcome().name().toLowerCase(
                        java.util.Locale.ROOT) + ")");
            }
            err.flush();
            out.println(published.layerVersion().layerVersionArn());
            out.flush();
        }
    }

    static String summary(BuildResult result) {
        long requested = result.packages().stream().filter(BuiltPackage::requested).count();
        String excluded = result.excluded().files() == 0 ? "" : String.format(java.util.Locale.ROOT,
                " (left out %d files, %s)", result.excluded().files(), ByteSize.human(result.excluded().bytes()));
        return String.format(java.util.Locale.ROOT, "Built %s for %s: %d packages (%d requested), %s zipped, %s unzipped%s, "
                        + "%d files, in %.1f s%nsha256 %s", result.output(), result.target(), result.packages().size(),
                requested, ByteSize.human(result.layer().size()), ByteSize.human(result.layer().uncompressedSize()), excluded,
                result.layer().files(), result.elapsed().toMillis() / 1000.0, result.layer().sha256());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
