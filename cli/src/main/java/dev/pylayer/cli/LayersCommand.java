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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code pylayer layers list|prune NAME}: the versions of a published layer. */
final class LayersCommand implements Runnable {
    private final CommandSpec spec;

    private LayersCommand() {
        spec = CommandSpecs.command(this, "layers", "Lists and prunes the versions of a Lambda layer.");
        CommandSpecs.addStandardHelpOptions(spec);
    }

    /** The model of a new {@code layers} command with its {@code list} and {@code prune}. */
    static CommandSpec create() {
        CommandSpec layers = new LayersCommand().spec;
        layers.addSubcommand("list", new ListVersions().spec);
        layers.addSubcommand("prune", new Prune().spec);
        return layers;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** The positional NAME of both subcommands. */
    private static PositionalParamSpec layerName() {
        return PositionalParamSpec.builder().arity("1").required(true).paramLabel("NAME").type(String.class)
                .description("Layer name (or layer ARN).").build();
    }

    static final class ListVersions implements Callable<Integer> {
        private final PositionalParamSpec name = layerName();
        private final OptionSpec json = CommandSpecs.flag("Print the versions as JSON.", "--json");
        private final AwsOptions aws = new AwsOptions();
        private final VerboseOption verbose = new VerboseOption();
        private final CommandSpec spec;

        private ListVersions() {
            spec = CommandSpecs.command(this, "list",
                    "Lists a layer's versions, newest first: size, runtimes, CodeSha256, date.");
            spec.addPositional(name);
            spec.addOption(json);
            aws.addTo(spec);
            verbose.addTo(spec);
            CommandSpecs.addStandardHelpOptions(spec);
        }

        @Override
        public Integer call() {
            LayerName layer = LayerName.parse(name.getValue());
            PrintWriter out = spec.commandLine().getOut();
            try (AwsClients clients = AwsClients.open(aws.settings())) {
                List<LayerVersionInfo> versions = LayerPublisher.builder(clients.lambda()).build().list(layer);
                if (CommandSpecs.isSet(json)) {
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

    static final class Prune implements Callable<Integer> {
        private final PositionalParamSpec name = layerName();
        private final OptionSpec keep = OptionSpec.builder("--keep").required(true).paramLabel("N").type(int.class)
                .description("How many of the newest versions to keep.").build();
        private final OptionSpec functions = CommandSpecs.repeatable(OptionSpec.builder("--function"), String.class)
                .paramLabel("FUNCTION")
                .description("Keep the versions this function uses (name or ARN); repeatable.").build();
        private final OptionSpec dryRun = CommandSpecs.flag("Show what would be deleted; delete nothing.", "--dry-run");
        private final OptionSpec json = CommandSpecs.flag("Print the decisions as JSON.", "--json");
        private final AwsOptions aws = new AwsOptions();
        private final VerboseOption verbose = new VerboseOption();
        private final CommandSpec spec;

        private Prune() {
            spec = CommandSpecs.command(this, "prune", "Deletes all but the newest N versions of a layer.",
                    "A version that one of the --function functions uses is never deleted.");
            spec.usageMessage().sortOptions(false);
            spec.addPositional(name);
            CommandSpecs.addOptions(spec, keep, functions, dryRun, json);
            aws.addTo(spec);
            verbose.addTo(spec);
            CommandSpecs.addStandardHelpOptions(spec);
        }

        @Override
        public Integer call() {
            LayerName layer = LayerName.parse(name.getValue());
            boolean dryRun = CommandSpecs.isSet(this.dryRun);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (AwsClients clients = AwsClients.open(aws.settings())) {
                PruneResult result = LayerPublisher.builder(clients.lambda()).build().prune(layer, keep.<Integer>getValue(),
                        CommandSpecs.values(functions), dryRun);
                if (CommandSpecs.isSet(json)) {
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
