package dev.pylayer.cli;

import dev.pylayer.PylayerException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one paragraph on stderr: {@code error: <message>} and its
 * {@code hint:} lines. The stack trace is printed only with {@code --verbose} (see {@link VerboseOption}).
 */
final class ErrorRenderer implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
            CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println(render(exception));
        if (VerboseOption.isVerbose(parseResult)) {
            exception.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }

    /**
     * A wrong command line (unknown option, bad value, missing argument): the same one paragraph as other errors,
     * pointing at the command's help instead of printing all of it, and the usage exit code.
     */
    static int renderUsageError(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String message = exception.getMessage().replace("; hint: ", System.lineSeparator() + "hint: ");
        err.println("error: " + message);
        if (!message.contains("hint: ")) {
            err.println("hint: see `" + commandLine.getCommandSpec().qualifiedName() + " --help`");
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    static String render(Throwable exception) {
        if (exception instanceof PylayerException pylayerException) {
            return "error: " + pylayerException.describe();
        }
        if (exception instanceof UncheckedIOException io && io.getCause() != null) {
            return "error: " + describeUnexpected(io.getCause());
        }
        return "error: " + describeUnexpected(exception)
                + System.lineSeparator() + "hint: this is a bug in pylayer; run again with --verbose and report the output";
    }

    private static String describeUnexpected(Throwable exception) {
        String message = exception.getMessage();
        return message == null || message.isBlank()
                ? exception.getClass().getSimpleName()
                : exception.getClass().getSimpleName() + ": " + message;
    }
}
