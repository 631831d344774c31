package dev.pylayer.resolve;

import dev.pylayer.PylayerException;
import java.util.List;

/** Why no set of wheels satisfies the requirements on the target, in the user's terms. */
public abstract sealed class ResolutionException extends PylayerException
        permits ResolutionException.NoMatchingDistribution, ResolutionException.DependencyConflict,
        ResolutionException.TooComplex, ResolutionException.HashesRequired, ResolutionException.UnsupportedDirectUrl {

    protected ResolutionException(String message, List<String> hints) {
        super(message, hints);
    }

    /** No wheel of a project fits the target and the requirements on it. */
    public static final class NoMatchingDistribution extends ResolutionException {
        private final String project;

        public NoMatchingDistribution(String project, String message, List<String> hints) {
            super(message, hints);
            this.project = project;
        }

        /** The normalized project name. */
        public String project() {
            return project;
        }
    }

    /** Requirements that cannot hold together; the message names both sides. */
    public static final class DependencyConflict extends ResolutionException {
        public DependencyConflict(String message, List<String> hints) {
            super(message, hints);
        }
    }

    /** The resolver gave up after its round budget. */
    public static final class TooComplex extends ResolutionException {
        public TooComplex(String message, List<String> hints) {
            super(message, hints);
        }
    }

    /** Hash-checking mode is on and some distributions have no allowed hash. */
    public static final class HashesRequired extends ResolutionException {
        public HashesRequired(String message, List<String> hints) {
            super(message, hints);
        }
    }

    /** A {@code name @ url} requirement pylayer cannot install: not a wheel, a wheel of another project, a bad URL. */
    public static final class UnsupportedDirectUrl extends ResolutionException {
        public UnsupportedDirectUrl(String message, List<String> hints) {
            super(message, hints);
        }
    }
}
