package dev.pylayer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** One run of the pylayer command line in this JVM, as a user meets it: the exit code and what it printed. */
record CommandRun(int exitCode, String out, String err) {
    static CommandRun of(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PylayerCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
