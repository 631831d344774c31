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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code pylayer publish LAYER.zip --name NAME}: one layer version, reused when unchanged, optionally attached. */
final class PublishCommand implements Callable<Integer> {
    private final PositionalParamSpec zip = PositionalParamSpec.builder().arity("1").required(true).paramLabel("LAYER.zip")
            .type(Path.class).description("The layer zip, e.g. from `pylayer build`.").build();
    private final OptionSpec name = OptionSpec.builder("--name").required(true).paramLabel("NAME").type(String.class)
            .description("Layer name (or layer ARN).").build();
    private final OptionSpec runtimes = CommandSpecs.repeatable(OptionSpec.builder("--runtime"), LambdaRuntime.class)
            .paramLabel("pythonX.Y").converters(new TargetConverters.Runtime())
            .description("Compatible runtime, repeatable (default: read from python/lib/pythonX.Y/ in the layer).")
            .build();
    private final OptionSpec architectures = CommandSpecs.repeatable(OptionSpec.builder("--arch"), Architecture.class)
            .paramLabel("x86_64|arm64").converters(new TargetConverters.Arch())
            .description("Compatible architecture, repeatable (default: read from wheel tags and ELF headers; both "
                    + "when the layer has no native code).").build();
    private final OptionSpec description = OptionSpec.builder("--description").paramLabel("TEXT").type(String.class)
            .description("Version description (at most 256 characters).").build();
    private final OptionSpec licenseInfo = OptionSpec.builder("--license-info").paramLabel("TEXT").type(String.class)
            .description("License: SPDX id or URL (at most 512 characters).").build();
    private final OptionSpec s3Bucket = OptionSpec.builder("--s3-bucket").paramLabel("BUCKET").type(String.class)
            .description("Upload through this S3 bucket (needed for zips over 50 MB; same region as the layer).")
            .build();
    private final OptionSpec s3Key = OptionSpec.builder("--s3-key").paramLabel("KEY").type(String.class)
            .description("Object key (default: pylayer/NAME/SHA256.zip).").build();
    private final OptionSpec attach = CommandSpecs.repeatable(OptionSpec.builder("--attach"), String.class)
            .paramLabel("FUNCTION")
            .description("Attach the version to this function (name or ARN), replacing an older version; repeatable.")
            .build();
    private final OptionSpec force = CommandSpecs.flag("Publish a new version even when the newest one is unchanged.",
            "--force");
    private final OptionSpec permissions = CommandSpecs.repeatable(OptionSpec.builder("--permission"), String.class)
            .paramLabel("account=ID|org=ID|public")
            .description("Let others use the version (AddLayerVersionPermission); repeatable.").build();
    private final OptionSpec json = CommandSpecs.flag("Print the whole result as JSON instead of the ARN.", "--json");
    private final AwsOptions aws = new AwsOptions();
    private final VerboseOption verbose = new VerboseOption();
    private final CommandSpec spec;

    private PublishCommand() {
        spec = CommandSpecs.command(this, "publish",
                "Publishes a layer zip as a new version of a Lambda layer and prints its LayerVersionArn.",
                "When the newest version already has the same content (CodeSha256) and targets, it is reused.");
        spec.usageMessage().sortOptions(false);
        spec.addPositional(zip);
        CommandSpecs.addOptions(spec, name, runtimes, architectures, description, licenseInfo, s3Bucket, s3Key, attach,
                force, permissions, json);
        aws.addTo(spec);
        verbose.addTo(spec);
        CommandSpecs.addStandardHelpOptions(spec);
    }

    /** The model of a new {@code publish} command. */
    static CommandSpec create() {
        return new PublishCommand().spec;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PublishRequest request = PublishRequest.builder(zip.getValue(), LayerName.parse(name.getValue()))
                .runtimes(CommandSpecs.values(runtimes))
                .architectures(CommandSpecs.values(architectures))
                .description(description.getValue()).licenseInfo(licenseInfo.getValue())
                .s3(s3Bucket.getValue(), s3Key.getValue()).force(CommandSpecs.isSet(force))
                .permissions(CommandSpecs.<String>values(permissions).stream().map(LayerPermission::parse).toList())
                .build();
        try (AwsClients clients = AwsClients.open(aws.settings())) {
            LayerPublisher publisher = LayerPublisher.builder(clients.lambda()).s3(clients.s3())
                    .listener(PublishRendering.listener(err, verbose.verbose())).build();
            PublishResult result = publisher.publish(request);
            err.println(describe(result));
            result.permissions().forEach(grant -> err.println((grant.alreadyGranted() ? "already granted: " : "granted: ")
                    + grant.permission()));
            List<AttachResult> attachments = new ArrayList<>();
            for (String function : CommandSpecs.<String>values(attach)) {
                AttachResult attached = publisher.attach(function, result);
                attachments.add(attached);
                err.println(describe(attached));
            }
            err.flush();
            out.println(CommandSpecs.isSet(json) ? PublishRendering.toJson(PublishRendering.publishJson(result, attachments))
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
