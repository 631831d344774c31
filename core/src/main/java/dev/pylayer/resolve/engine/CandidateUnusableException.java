package dev.pylayer.resolve.engine;

/**
 * Thrown by a provider's {@link ResolutionProvider#dependencies} when a candidate cannot be used at all
 * (pip's "Discarding … has inconsistent metadata"); the engine skips the candidate.
 */
public class CandidateUnusableException extends RuntimeException {
    public CandidateUnusableException(String message) {
        super(message);
    }

    public CandidateUnusableException(String message, Throwable cause) {
        super(message, cause);
    }
}
