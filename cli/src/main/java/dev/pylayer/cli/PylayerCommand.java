package dev.pylayer.cli;

import dev.pylayer.Pylayer;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pylayer}: the subcommands; with none, its usage. Models built in code: see {@link CommandSpecs}. */
public final class PylayerCommand implements Runnable {
    private final CommandSpec spec;

    private PylayerCommand() {
        spec = CommandSpecs.command(this, "pylayer",
                "Builds AWS Lambda layers for Python from PyPI wheels: no Docker, no local Python.");
        CommandSpecs.addStandardHelpOptions(spec);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** The subcommands, in the order help lists them. */
    private static final List<String> SUBCOMMANDS = List.of("help", "build", "inspect", "publish", "layers");

    /**
     * A new instance of the subcommand {@code name}: its model, or for {@code help} picocli's annotated command. A
     * switch rather than a map of method references: each {@code X::create} links through method handles on its
     * first use, milliseconds on a cold JVM before any work.
     */
    private static Object subcommand(String name) {
        return switch (name) {
            case "help" -> new CommandLine.HelpCommand();
            case "build" -> BuildCommand.create();
            case "inspect" -> InspectCommand.create();
            case "publish" -> PublishCommand.create();
            case "layers" -> LayersCommand.create();
            default -> throw new IllegalArgumentException("no subcommand `" + name + "`");
        };
    }

    /** The configured command line with every subcommand: error rendering and exit codes. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments: when they name a subcommand, only that one is added, since a run needs
     * one (help, or no subcommand, gets all).
     */
    static CommandLine commandLine(String[] args) {
        CommandLine commandLine = new CommandLine(new PylayerCommand().spec);
        String named = args.length > 0 ? args[0] : "";
        boolean one = SUBCOMMANDS.contains(named) && !named.equals("help");
        for (String name : SUBCOMMANDS) {
            if (!one || name.equals(named)) {
                commandLine.addSubcommand(name, subcommand(name));
            }
        }
        commandLine.setExecutionExceptionHandler(new ErrorRenderer());
        commandLine.setParameterExceptionHandler(ErrorRenderer::renderUsageError);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pylayer " + Pylayer.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
