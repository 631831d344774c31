package dev.pylayer.cli;

import dev.pylayer.Pylayer;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "pylayer",
        mixinStandardHelpOptions = true,
        versionProvider = PylayerCommand.VersionProvider.class,
        description = "Builds AWS Lambda layers for Python from PyPI wheels: no Docker, no local Python.")
public final class PylayerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** The subcommands, in the order help lists them. */
    private static final List<String> SUBCOMMANDS = List.of("help", "build", "inspect", "publish", "layers");

    /**
     * A new instance of the subcommand {@code name}. A switch rather than a map of constructor references: each
     * {@code X::new} links through method handles on its first use, milliseconds on a cold JVM before any work.
     */
    private static Object subcommand(String name) {
        return switch (name) {
            case "help" -> new CommandLine.HelpCommand();
            case "build" -> new BuildCommand();
            case "inspect" -> new InspectCommand();
            case "publish" -> new PublishCommand();
            case "layers" -> new LayersCommand();
            default -> throw new IllegalArgumentException("no subcommand `" + name + "`");
        };
    }

    /** The configured command line with every subcommand: error rendering and exit codes. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments: when they name a subcommand, only that one is added, since picocli
     * reads the annotations of every subcommand it is given and a run needs one (help, or no subcommand, gets all).
     */
    static CommandLine commandLine(String[] args) {
        CommandLine commandLine = new CommandLine(new PylayerCommand());
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
