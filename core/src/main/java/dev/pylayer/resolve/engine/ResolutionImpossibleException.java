package dev.pylayer.resolve.engine;

import java.util.List;

/**
 * No set of candidates satisfies the requirements. {@link #causes()} are the requirements (with their
 * parents) in the final conflict; the provider layer turns them into a user-facing explanation.
 */
public final class ResolutionImpossibleException extends RuntimeException {
    private final transient List<? extends RequirementInformation<?, ?>> causes;

    ResolutionImpossibleException(List<? extends RequirementInformation<?, ?>> causes) {
        super("resolution impossible: " + causes);
        this.causes = List.copyOf(causes);
    }

    @SuppressWarnings("unchecked")
    public <R, C> List<RequirementInformation<R, C>> causes() {
        return (List<RequirementInformation<R, C>>) causes;
    }
}
