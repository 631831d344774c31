package dev.pylayer.cli;

import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.TargetException;
import picocli.CommandLine;

/**
 * {@code --runtime} and {@code --arch} values, parsed by core's tables while picocli reads the command line, so a
 * wrong value is a usage error (exit 2) that lists the valid ones.
 */
final class TargetConverters {
    private TargetConverters() {
    }

    static final class Runtime implements CommandLine.ITypeConverter<LambdaRuntime> {
        @Override
        public LambdaRuntime convert(String value) {
            try {
                return LambdaRuntime.of(value);
            } catch (TargetException e) {
                throw new CommandLine.TypeConversionException(e.describe().replace(System.lineSeparator(), "; "));
            }
        }
    }

    static final class Arch implements CommandLine.ITypeConverter<Architecture> {
        @Override
        public Architecture convert(String value) {
            try {
                return Architecture.of(value);
            } catch (TargetException e) {
                throw new CommandLine.TypeConversionException(e.describe().replace(System.lineSeparator(), "; "));
            }
        }
    }
}
