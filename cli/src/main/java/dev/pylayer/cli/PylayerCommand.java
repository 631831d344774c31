package dev.pylayer.cli;

import dev.pylayer.Pylayer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("help", CommandLine.HelpCommand::new);
        all.put("build", BuildCommand::new);
        all.put("inspect", InspectCommand::new);
        all.put("publish", PublishCommand::new);
        all.put("layers", LayersCommand::new);
        return all;
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
        boolean one = SUBCOMMANDS.containsKey(named) && !named.equals("help");
        SUBCOMMANDS.forEach((name, command) -> {
            if (!one || name.equals(named)) {
                commandLine.addSubcommand(name, command.get());
            }
        });
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
