package dev.pylayer.requirements;

import java.util.List;

/** A line pip would not accept: an unknown option, a bad option value, or an invalid requirement. */
public final class RequirementsFileSyntaxException extends RequirementsFileException {
    RequirementsFileSyntaxException(String source, String message, List<String> hints) {
        super(source, message, hints, null);
    }

    RequirementsFileSyntaxException(String source, String message, List<String> hints, Throwable cause) {
        super(source, message, hints, cause);
    }
}
