package dev.pylayer;

import java.util.List;
import java.util.Objects;

/**
 * Base of every error pylayer reports to a user. Each package declares its own family below this one
 * (a sealed hierarchy per concept, as uv does with one error enum per crate). The message says what is
 * wrong with the offending value in backticks; {@link #hints()} say how to fix it.
 */
public abstract class PylayerException extends RuntimeException {
    private final List<String> hints;

    protected PylayerException(String message, List<String> hints) {
        this(message, hints, null);
    }

    protected PylayerException(String message, List<String> hints, Throwable cause) {
        super(message, cause);
        this.hints = List.copyOf(Objects.requireNonNull(hints, "hints"));
    }

    /** What the user can do about it, one line each; may be empty. */
    public List<String> hints() {
        return hints;
    }

    /** The message followed by {@code hint:} lines, the way the CLI prints it. */
    public String describe() {
        StringBuilder text = new StringBuilder(getMessage());
        for (String hint : hints) {
            text.append(System.lineSeparator()).append("hint: ").append(hint);
        }
        return text.toString();
    }
}
