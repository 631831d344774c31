package dev.pylayer.cli;

import dev.pylayer.publish.AwsClients;
import dev.pylayer.publish.LayerName;
import dev.pylayer.publish.LayerPublisher;
import dev.pylayer.publish.LayerVersionInfo;
import dev.pylayer.publish.PruneResult;
import dev.pylayer.runtime.ByteSize;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code pylayer layers list|prune NAME}: the versions of a published layer. */
@Command(name = "layers", mixinStandardHelpOptions = true, versionProvider = PylayerCommand.VersionProvider.class,
        description = "Lists and prunes the versions of a Lambda layer.",
        subcommands = {LayersCommand.ListVersions.class, LayersCommand.Prune.class})
final class LayersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = PylayerCommand.VersionProvider.class,
            description = "Lists a layer's versions, newest first: size, runtimes, CodeSha256, date.")
    static final class ListVersions implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Layer name (or layer ARN).")
        String name;

        @Option(names = "--json", description = "Print the versions as JSON.")
        boolean json;

        @Mixin
        AwsOptions aws;

        @Mixin
        VerboseOption verbose;

        @Override
        public Integer call() {
            LayerName layer = LayerName.parse(name);
            PrintWriter out = spec.commandLine().getOut();
            try (AwsClients clients = AwsClients.open(aws.settings())) {
                List<LayerVersionInfo> versions = LayerPublisher.builder(clients.lambda()).build().list(layer);
                if (json) {
                    out.println(PublishRendering.toJson(PublishRendering.listJson(versions)));
                } else if (versions.isEmpty()) {
                    spec.commandLine().getErr().println("layer `" + layer + "` has no versions");
                } else {
                    List<List<String>> rows = new ArrayList<>();
                    for (LayerVersionInfo version : versions) {
                        rows.add(List.of(Long.toString(version.version()), version.createdDate(),
                                version.codeSize() < 0 ? "?" : ByteSize.human(version.codeSize()),
                                String.join(",", version.compatibleRuntimes()),
                                String.join(",", version.compatibleArchitectures()),
                                version.codeSha256() == null ? "" : version.codeSha256()));
                    }
                    out.print(PublishRendering.table(List.of("VERSION", "CREATED", "SIZE", "RUNTIMES", "ARCHITECTURES",
                            "CODESHA256"), rows));
                }
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "prune", sortOptions = false, mixinStandardHelpOptions = true,
            versionProvider = PylayerCommand.VersionProvider.class, description = {"Deletes all but the newest N versions of a layer.",
            "A version that one of the --function functions uses is never deleted."})
    static final class Prune implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Layer name (or layer ARN).")
        String name;

        @Option(names = "--keep", required = true, paramLabel = "N", description = "How many of the newest versions to keep.")
        int keep;

        @Option(names = "--function", paramLabel = "FUNCTION",
                description = "Keep the versions this function uses (name or ARN); repeatable.")
        List<String> functions = new ArrayList<>();

        @Option(names = "--dry-run", description = "Show what would be deleted; delete nothing.")
        boolean dryRun;

        @Option(names = "--json", description = "Print the decisions as JSON.")
        boolean json;

        @Mixin
        AwsOptions aws;

        @Mixin
        VerboseOption verbose;

        @Override
        public Integer call() {
            LayerName layer = LayerName.parse(name);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (AwsClients clients = AwsClients.open(aws.settings())) {
                PruneResult result = LayerPublisher.builder(clients.lambda()).build().prune(layer, keep, functions, dryRun);
                if (json) {
                    out.println(PublishRendering.toJson(PublishRendering.pruneJson(result)));
                } else {
                    List<List<String>> rows = new ArrayList<>();
                    for (PruneResult.VersionDecision decision : result.decisions()) {
                        rows.add(List.of(Long.toString(decision.version().version()), label(decision),
                                decision.version().layerVersionArn()));
                    }
                    out.print(PublishRendering.table(List.of("VERSION", "DECISION", "ARN"), rows));
                }
                out.flush();
                long deleting = result.decisions().stream().filter(d -> d.decision() == PruneResult.Decision.DELETED
                        || d.decision() == PruneResult.Decision.WOULD_DELETE).count();
                err.println((dryRun ? "would delete " : "deleted ") + deleting + " of " + result.decisions().size()
                        + " versions of `" + layer + "`");
                err.flush();
            }
            return ExitCodes.OK;
        }

        private static String label(PruneResult.VersionDecision decision) {
            return switch (decision.decision()) {
                case KEPT_NEWEST -> "kept (newest)";
                case KEPT_IN_USE -> "kept (used by " + String.join(", ", decision.usedBy()) + ")";
                case DELETED -> "deleted";
                case WOULD_DELETE -> "would delete";
            };
        }
    }
}
