package dev.pylayer.cli;

import picocli.CommandLine;

/** Entry point of the {@code pylayer} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return PylayerCommand.commandLine(args).execute(args);
    }
}
