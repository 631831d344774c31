package dev.pylayer.requirements;

import java.util.List;

/** A requirements file that cannot be read: missing, unreadable, not text, or including itself. */
public final class RequirementsFileIncludeException extends RequirementsFileException {
    RequirementsFileIncludeException(String source, String message, List<String> hints, Throwable cause) {
        super(source, message, hints, cause);
    }
}
