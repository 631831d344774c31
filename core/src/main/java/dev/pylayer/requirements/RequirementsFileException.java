package dev.pylayer.requirements;

import dev.pylayer.PylayerException;
import java.util.List;
import java.util.Optional;

/** Errors reading pip requirements files; each names the place ({@code file:line}) it comes from. */
public abstract sealed class RequirementsFileException extends PylayerException
        permits RequirementsFileSyntaxException, UnsupportedRequirementException, RequirementsFileIncludeException,
        HashCheckingException {
    private final String source;

    RequirementsFileException(String source, String message, List<String> hints, Throwable cause) {
        super(source == null ? message : source + ": " + message, hints, cause);
        this.source = source;
    }

    /** {@code requirements.txt:12}, or empty for problems of the whole set of files. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }
}
