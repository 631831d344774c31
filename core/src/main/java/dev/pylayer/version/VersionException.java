package dev.pylayer.version;

import dev.pylayer.PylayerException;
import java.util.List;

/** Errors parsing PEP 440 versions and specifiers. */
public abstract sealed class VersionException extends PylayerException
        permits InvalidVersionException, InvalidSpecifierException {
    private final String input;

    VersionException(String message, String input, List<String> hints) {
        super(message, hints);
        this.input = input;
    }

    /** The text that failed to parse. */
    public String input() {
        return input;
    }
}
