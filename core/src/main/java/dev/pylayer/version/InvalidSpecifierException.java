package dev.pylayer.version;

import java.util.List;

/** Text that is not a PEP 440 version specifier. */
public final class InvalidSpecifierException extends VersionException {
    public InvalidSpecifierException(String input, String why) {
        super("`" + input + "` is not a valid version specifier: " + why, input,
                List.of("specifiers look like >=1.2, ==1.4.*, ~=2.0, !=1.5, <3 (several joined with commas)"));
    }
}
