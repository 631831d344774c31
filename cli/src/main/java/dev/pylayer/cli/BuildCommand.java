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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code pylayer build}: requirements in, a Lambda layer zip out (and optionally published and attached). */
final class BuildCommand implements Callable<Integer> {
    private final PositionalParamSpec requirements = CommandSpecs.repeatable(PositionalParamSpec.builder(), String.class)
            .paramLabel("REQUIREMENT").arity("0..*").index("0..*")
            .description("PEP 508 requirements, e.g. `requests`, `pandas>=2.2`, `uvicorn[standard]`.").build();
    private final OptionSpec requirementsFiles = CommandSpecs.repeatable(OptionSpec.builder("-r", "--requirement"), Path.class)
            .paramLabel("FILE")
            .description("A pip requirements file (repeatable): -r/-c includes, --hash, index options, markers.").build();
    private final OptionSpec constraintsFiles = CommandSpecs.repeatable(OptionSpec.builder("-c", "--constraint"), Path.class)
            .paramLabel("FILE").description("A constraints file (repeatable): limits versions, never adds packages.").build();
    private final OptionSpec runtime = OptionSpec.builder("--runtime").paramLabel("pythonX.Y").defaultValue("python3.12")
            .type(LambdaRuntime.class).converters(new TargetConverters.Runtime())
            .description("Lambda runtime: python3.9 … python3.14 (default: ${DEFAULT-VALUE}).").build();
    private final OptionSpec arch = OptionSpec.builder("--arch").paramLabel("x86_64|arm64").defaultValue("x86_64")
            .type(Architecture.class).converters(new TargetConverters.Arch())
            .description("Lambda architecture (default: ${DEFAULT-VALUE}).").build();
    private final OptionSpec output = OptionSpec.builder("-o", "--output").paramLabel("FILE").defaultValue("layer.zip")
            .type(Path.class)
            .description("The layer zip to write (default: ${DEFAULT-VALUE}); replaced only when complete.").build();
    private final OptionSpec indexUrl = OptionSpec.builder("-i", "--index-url").paramLabel("URL")
            .defaultValue("${env:PYLAYER_INDEX_URL}").type(String.class)
            .description("Main index (env PYLAYER_INDEX_URL; default https://pypi.org/pypi). A URL ending in "
                    + "`/simple` is a PEP 503/691 simple index (https:// or file://); any other is a PyPI JSON API base.")
            .build();
    private final OptionSpec extraIndexUrls = CommandSpecs.repeatable(OptionSpec.builder("--extra-index-url"), String.class)
            .paramLabel("URL").description("Another index to search (repeatable).").build();
    private final OptionSpec findLinks = CommandSpecs.repeatable(OptionSpec.builder("-f", "--find-links"), String.class)
            .paramLabel("DIR|URL")
            .description("A folder of wheels, or an HTML page of links, to search too (repeatable).").build();
    private final OptionSpec noIndex = CommandSpecs.flag("Ignore every index; use only --find-links locations.",
            "--no-index");
    private final OptionSpec pre = CommandSpecs.flag("Allow pre-release versions.", "--pre");
    private final OptionSpec excludeRuntimeProvided = CommandSpecs.flag("Leave out what the Lambda runtime already ships "
            + "(boto3, botocore, s3transfer, jmespath, python-dateutil, six, urllib3) unless you pinned it (==); the "
            + "function then uses the runtime's copy.", "--exclude-runtime-provided");
    private final OptionSpec slim = CommandSpecs.flag("Leave out __pycache__ folders, .pyc/.pyo files and the "
            + "tests/test folders inside packages (test modules other code imports stay).", "--slim");
    private final OptionSpec slimStubs = CommandSpecs.flag("Leave out .pyi type stubs.", "--slim-stubs");
    private final OptionSpec excludes = CommandSpecs.repeatable(OptionSpec.builder("--exclude"), String.class)
            .paramLabel("GLOB")
            .description("Leave out files matching GLOB, relative to site-packages (repeatable), e.g. "
                    + "'botocore/data/**'; `**` crosses folders. dist-info METADATA/RECORD/WHEEL cannot be excluded.")
            .build();
    private final OptionSpec report = OptionSpec.builder("--report").paramLabel("FILE").type(Path.class)
            .description("Write a JSON report of the packages and the layer.").build();
    private final OptionSpec cacheDir = OptionSpec.builder("--cache-dir").paramLabel("DIR")
            .defaultValue("${env:PYLAYER_CACHE_DIR}").type(Path.class)
            .description("Cache folder (env PYLAYER_CACHE_DIR; default: the user cache folder of the OS).").build();
    private final OptionSpec noCache = CommandSpecs.flag("Use a throwaway cache, removed at the end.", "--no-cache");
    private final OptionSpec offline = CommandSpecs.flag("Use only the cache and local folders; never the network.",
            "--offline");
    private final OptionSpec rebuild = CommandSpecs.flag("Resolve again and write the layer even when the cache holds "
            + "one built from the same wheels, target and options (by default that one is hard-linked to the output, or "
            + "copied with its sha256 checked when it changed since stored or lives on another disk; and when every "
            + "index listing the last resolution read is unchanged, that resolution is taken).", "--rebuild");
    private final OptionSpec jobs = OptionSpec.builder("--jobs").paramLabel("N").defaultValue("16").type(int.class)
            .description("Downloads and index requests at once (default: ${DEFAULT-VALUE}).").build();
    private final OptionSpec quiet = CommandSpecs.flag("Print nothing but errors.", "-q", "--quiet");
    private final OptionSpec publishName = OptionSpec.builder("--publish").paramLabel("NAME").type(String.class)
            .description("After building, publish the zip as a new version of this layer (see `pylayer publish`).")
            .build();
    private final OptionSpec attach = CommandSpecs.repeatable(OptionSpec.builder("--attach"), String.class)
            .paramLabel("FUNCTION").description("With --publish: attach the version to this function (repeatable).")
            .build();
    private final OptionSpec s3Bucket = OptionSpec.builder("--s3-bucket").paramLabel("BUCKET").type(String.class)
            .description("With --publish: upload through this bucket.").build();
    private final AwsOptions aws = new AwsOptions();
    private final VerboseOption verbose = new VerboseOption();
    private final CommandSpec spec;

    private BuildCommand() {
        spec = CommandSpecs.command(this, "build",
                "Builds a Lambda layer zip from Python requirements, with the manylinux wheels that load on the "
                        + "runtime's Python, glibc and architecture. No Docker, no local Python.",
                "",
                "Examples:",
                "  pylayer build requests pandas --runtime python3.11 -o layer.zip",
                "  pylayer build -r requirements.txt --runtime python3.12 --arch arm64 --report report.json");
        spec.usageMessage().sortOptions(false);
        spec.addPositional(requirements);
        CommandSpecs.addOptions(spec, requirementsFiles, constraintsFiles, runtime, arch, output, indexUrl,
                extraIndexUrls, findLinks, noIndex, pre, excludeRuntimeProvided, slim, slimStubs, excludes, report,
                cacheDir, noCache, offline, rebuild, jobs, quiet, publishName, attach, s3Bucket);
        aws.addTo(spec);
        verbose.addTo(spec);
        CommandSpecs.addStandardHelpOptions(spec);
    }

    /** The model of a new {@code build} command. */
    static CommandSpec create() {
        return new BuildCommand().spec;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String publishName = this.publishName.getValue();
        String s3Bucket = this.s3Bucket.getValue();
        boolean quiet = CommandSpecs.isSet(this.quiet);
        if (!CommandSpecs.values(attach).isEmpty() && publishName == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--attach needs --publish NAME");
        }
        LayerBuild build = LayerBuild.forRuntime(runtime.getValue()).arch(arch.getValue())
                .indexUrl(blankToNull(indexUrl.getValue())).noIndex(CommandSpecs.isSet(noIndex))
                .allowPrereleases(CommandSpecs.isSet(pre)).offline(CommandSpecs.isSet(offline))
                .noCache(CommandSpecs.isSet(noCache)).cacheDir(cacheDir.getValue())
                .reuseLayers(!CommandSpecs.isSet(rebuild)).threads(jobs.<Integer>getValue())
                .excludeRuntimeProvided(CommandSpecs.isSet(excludeRuntimeProvided))
                .slim(CommandSpecs.isSet(slim)).slimStubs(CommandSpecs.isSet(slimStubs))
                .directUpload(publishName != null && s3Bucket == null);
        CommandSpecs.<String>values(excludes).forEach(build::exclude);
        CommandSpecs.<String>values(requirements).forEach(build::require);
        CommandSpecs.<Path>values(requirementsFiles).forEach(build::requirementsFile);
        CommandSpecs.<Path>values(constraintsFiles).forEach(build::constraintsFile);
        CommandSpecs.<String>values(extraIndexUrls).forEach(build::extraIndexUrl);
        CommandSpecs.<String>values(findLinks).forEach(build::findLinks);
        ProgressRenderer progress = new ProgressRenderer(err, !quiet && ProgressRenderer.isTerminal(), verbose.verbose(),
                quiet);
        build.listener(progress);
        BuildResult result;
        try {
            result = build.build(output.getValue());
        } finally {
            progress.finish();
        }
        Path report = this.report.getValue();
        if (report != null) {
            BuildReport.write(result, report);
        }
        if (!quiet) {
            err.println(summary(result));
            err.flush();
        }
        if (publishName != null) {
            publish(result, publishName, s3Bucket, out, err);
        }
        return ExitCodes.OK;
    }

    private void publish(BuildResult result, String publishName, String s3Bucket, PrintWriter out, PrintWriter err) {
        PublishRequest request = PublishRequest.builder(result.output(), LayerName.parse(publishName))
                .runtimes(List.of(result.target().runtime())).s3(s3Bucket, null).build();
        try (AwsClients clients = AwsClients.open(aws.settings())) {
            LayerPublisher publisher = LayerPublisher.builder(clients.lambda()).s3(clients.s3())
                    .listener(PublishRendering.listener(err, verbose.verbose())).build();
            PublishResult published = publisher.publish(request);
            err.println((published.reused() ? "unchanged: reusing " : "published ")
                    + published.layerVersion().layerVersionArn());
            for (String function : CommandSpecs.<String>values(attach)) {
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
