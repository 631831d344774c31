package dev.pylayer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code -v/--verbose} for every command: show stack traces and debug events. */
final class VerboseOption {
    private final OptionSpec verbose = CommandSpecs.flag("Show details and stack traces of errors.", "-v", "--verbose");

    /** Adds {@code -v/--verbose} to the command's options. */
    VerboseOption addTo(CommandSpec spec) {
        spec.addOption(verbose);
        return this;
    }

    boolean verbose() {
        return CommandSpecs.isSet(verbose);
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
