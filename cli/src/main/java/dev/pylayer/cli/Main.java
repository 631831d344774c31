package dev.pylayer.cli;

import dev.pylayer.index.IndexClient;
import picocli.CommandLine;

/** Entry point of the {@code pylayer} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("build") && !java.util.List.of(args).contains("--offline")) {
            // Overlaps the index client's set-up with picocli's (both mostly class loading).
            IndexClient.warmUp();
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return PylayerCommand.commandLine(args).execute(args);
    }
}
