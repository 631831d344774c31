package dev.pylayer.index;

import java.util.List;

/** An index or find-links location that cannot be used. */
public final class InvalidIndexUrlException extends IndexException {
    private final String input;

    InvalidIndexUrlException(String maskedInput, String problem, List<String> hints) {
        super("`" + maskedInput + "` " + problem, hints, null);
        this.input = maskedInput;
    }

    /** The location as given, password masked. */
    public String input() {
        return input;
    }
}
