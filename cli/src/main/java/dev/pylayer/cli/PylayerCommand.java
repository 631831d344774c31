package dev.pylayer.cli;

import dev.pylayer.Pylayer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "pylayer",
        mixinStandardHelpOptions = true,
        versionProvider = PylayerCommand.VersionProvider.class,
        description = "Builds AWS Lambda layers for Python from PyPI wheels: no Docker, no local Python.",
        subcommands = {CommandLine.HelpCommand.class, BuildCommand.class, InspectCommand.class, PublishCommand.class,
                LayersCommand.class})
public final class PylayerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** The configured command line: subcommands, error rendering and exit codes. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PylayerCommand());
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
