package dev.pylayer.cli;

import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Builds the commands' picocli models in code instead of reading them from annotations. Reading annotations cost a
 * cold JVM ~40 ms of CPU on every run, before any work began: picocli scans every field and method of each command
 * class (Object's included), and the JDK generates and loads a proxy class for each annotation type it meets (eight
 * per run), then compiles the class writer that generates them. A command here keeps its options as
 * {@link OptionSpec} fields, in the order help lists them, and reads their values with {@link ArgSpec#getValue()}
 * once picocli has parsed the command line.
 */
final class CommandSpecs {
    private CommandSpecs() {
    }

    /** The model of {@code command} (run by picocli: a {@code Callable} or {@code Runnable}), named and described. */
    static CommandSpec command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name);
        spec.usageMessage().description(description);
        return spec;
    }

    /** A boolean option: present or not. */
    static OptionSpec flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).arity("0").description(description).build();
    }

    /** A repeatable option whose values are {@code elementType}. */
    static OptionSpec.Builder repeatable(OptionSpec.Builder option, Class<?> elementType) {
        return option.type(List.class).auxiliaryTypes(elementType);
    }

    /** Positionals whose values are {@code elementType}. */
    static PositionalParamSpec.Builder repeatable(PositionalParamSpec.Builder positional, Class<?> elementType) {
        return positional.type(List.class).auxiliaryTypes(elementType);
    }

    /** Adds the options to the command's, in this order (the order help lists them in). */
    static void addOptions(CommandSpec spec, OptionSpec... options) {
        for (OptionSpec option : options) {
            spec.addOption(option);
        }
    }

    /** Whether the flag was given. */
    static boolean isSet(OptionSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }

    /** The values a repeatable option or positional was given, in order; empty when it was not given. */
    static <T> List<T> values(ArgSpec repeatable) {
        List<T> values = repeatable.getValue();
        return values == null ? List.of() : values;
    }

    /**
     * {@code -h/--help} and {@code -V/--version} last, as picocli's {@code mixinStandardHelpOptions} adds them (which
     * reads the options of an annotated class), and the version {@code -V} prints.
     */
    static void addStandardHelpOptions(CommandSpec spec) {
        spec.versionProvider(new PylayerCommand.VersionProvider());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).arity("0")
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class).arity("0")
                .description("Print version information and exit.").build());
    }
}
