package dev.pylayer.requirements;

import java.util.List;

/**
 * pip's hash-checking mode refused the file: once any requirement has {@code --hash} (or the file says
 * {@code --require-hashes}), every requirement needs hashes and a {@code ==} pin.
 */
public final class HashCheckingException extends RequirementsFileException {
    private final List<RequirementLine> offending;

    HashCheckingException(String message, List<RequirementLine> offending, List<String> hints) {
        super(null, message, hints, null);
        this.offending = List.copyOf(offending);
    }

    /** The requirements at fault. */
    public List<RequirementLine> offending() {
        return offending;
    }
}
