package dev.pylayer.resolve.engine;

import java.util.List;

/** Callbacks about the engine's progress (resolvelib's {@code BaseReporter}); all optional. */
public interface ResolutionReporter<R, C> {
    /** Does nothing. */
    static <R, C> ResolutionReporter<R, C> none() {
        return new ResolutionReporter<>() {
        };
    }

    default void startingRound(int index) {
    }

    default void pinning(C candidate) {
    }

    default void rejectingCandidate(Criterion<R, C> criterion, C candidate) {
    }

    default void unusableCandidate(C candidate, CandidateUnusableException reason) {
    }

    default void resolvingConflicts(List<RequirementInformation<R, C>> causes) {
    }
}
