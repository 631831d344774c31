package dev.pylayer.cli;

import dev.pylayer.publish.AttachResult;
import dev.pylayer.publish.AwsClients;
import dev.pylayer.publish.LayerName;
import dev.pylayer.publish.LayerPermission;
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

/** {@code pylayer publish LAYER.zip --name NAME}: one layer version, reused when unchanged, optionally attached. */
@Command(name = "publish", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = PylayerCommand.VersionProvider.class,
        description = {"Publishes a layer zip as a new version of a Lambda layer and prints its LayerVersionArn.",
                "When the newest version already has the same content (CodeSha256) and targets, it is reused."})
final class PublishCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "LAYER.zip", description = "The layer zip, e.g. from `pylayer build`.")
    Path zip;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Layer name (or layer ARN).")
    String name;

    @Option(names = "--runtime", paramLabel = "pythonX.Y", converter = TargetConverters.Runtime.class,
            description = "Compatible runtime, repeatable (default: read from python/lib/pythonX.Y/ in the layer).")
    List<LambdaRuntime> runtimes = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "x86_64|arm64", converter = TargetConverters.Arch.class,
            description = "Compatible architecture, repeatable (default: read from wheel tags and ELF headers; "
                    + "both when the layer has no native code).")
    List<Architecture> architectures = new ArrayList<>();

    @Option(names = "--description", paramLabel = "TEXT", description = "Version description (at most 256 characters).")
    String description;

    @Option(names = "--license-info", paramLabel = "TEXT", description = "License: SPDX id or URL (at most 512 characters).")
    String licenseInfo;

    @Option(names = "--s3-bucket", paramLabel = "BUCKET",
            description = "Upload through this S3 bucket (needed for zips over 50 MB; same region as the layer).")
    String s3Bucket;

    @Option(names = "--s3-key", paramLabel = "KEY", description = "Object key (default: pylayer/NAME/SHA256.zip).")
    String s3Key;

    @Option(names = "--attach", paramLabel = "FUNCTION",
            description = "Attach the version to this function (name or ARN), replacing an older version; repeatable.")
    List<String> attach = new ArrayList<>();

    @Option(names = "--force", description = "Publish a new version even when the newest one is unchanged.")
    boolean force;

    @Option(names = "--permission", paramLabel = "account=ID|org=ID|public",
            description = "Let others use the version (AddLayerVersionPermission); repeatable.")
    List<String> permissions = new ArrayList<>();

    @Option(names = "--json", description = "Print the whole result as JSON instead of the ARN.")
    boolean json;

    @Mixin
    AwsOptions aws;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PublishRequest request = PublishRequest.builder(zip, LayerName.parse(name))
                .runtimes(runtimes)
                .architectures(architectures)
                .description(description).licenseInfo(licenseInfo).s3(s3Bucket, s3Key).force(force)
                .permissions(permissions.stream().map(LayerPermission::parse).toList()).build();
        try (AwsClients clients = AwsClients.open(aws.settings())) {
            LayerPublisher publisher = LayerPublisher.builder(clients.lambda()).s3(clients.s3())
                    .listener(PublishRendering.listener(err, verbose.verbose())).build();
            PublishResult result = publisher.publish(request);
            err.println(describe(result));
            result.permissions().forEach(grant -> err.println((grant.alreadyGranted() ? "already granted: " : "granted: ")
                    + grant.permission()));
            List<AttachResult> attachments = new ArrayList<>();
            for (String function : attach) {
                AttachResult attached = publisher.attach(function, result);
                attachments.add(attached);
                err.println(describe(attached));
            }
            err.flush();
            out.println(json ? PublishRendering.toJson(PublishRendering.publishJson(result, attachments))
                    : result.layerVersion().layerVersionArn());
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static String describe(PublishResult result) {
        if (result.reused()) {
            return "unchanged: reusing version " + result.layerVersion().version() + " of `" + result.layerVersion().layerArn()
                    + "` (same CodeSha256, runtimes and architectures; --force publishes anyway)";
        }
        return "published version " + result.layerVersion().version() + " of `" + result.layerVersion().layerArn() + "` ("
                + ByteSize.human(result.archive().size()) + " zipped, " + ByteSize.human(result.archive().unzippedSize())
                + " unzipped, " + (result.upload() == PublishResult.Upload.S3 ? "via " + result.s3Location() : "direct upload")
                + ")";
    }

    private static String describe(AttachResult attached) {
        return switch (attached.outcome()) {
            case ADDED -> "attached to `" + attached.function() + "`";
            case REPLACED -> "attached to `" + attached.function() + "`, replacing `" + attached.replacedLayerVersionArn() + "`";
            case UNCHANGED -> "`" + attached.function() + "` already uses this version";
        };
    }
}
