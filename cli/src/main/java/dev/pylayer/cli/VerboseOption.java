package dev.pylayer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code -v/--verbose} for every command: show stack traces and debug events. Add with {@code @Mixin}. */
public final class VerboseOption {
    @Option(names = {"-v", "--verbose"}, description = "Show details and stack traces of errors.")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }

    static boolean isVerbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
