package dev.pylayer.name;

import dev.pylayer.PylayerException;
import java.util.List;

/** A string that is not a valid project or extra name. */
public final class InvalidNameException extends PylayerException {
    private final String input;

    public InvalidNameException(String input) {
        super("`" + input + "` is not a valid project name",
                List.of("names use letters, digits, `-`, `_` and `.`, and start and end with a letter or digit"));
        this.input = input;
    }

    public String input() {
        return input;
    }
}
