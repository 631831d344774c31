package dev.pylayer.resolve.engine;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * What the engine needs to know about a dependency world (resolvelib's {@code AbstractProvider}).
 *
 * @param <R> requirement type
 * @param <C> candidate type; equal candidates must be interchangeable
 * @param <K> identifier type: one per resolvable thing (e.g. a project, or a project with extras)
 */
public interface ResolutionProvider<R, C, K> {

    /** The identifier a requirement constrains. */
    K identifyRequirement(R requirement);

    /** The identifier a candidate resolves. */
    K identifyCandidate(C candidate);

    /**
     * Chooses which of the unsatisfied identifiers to work on next (resolvelib's
     * {@code narrow_requirement_selection} followed by the minimum of {@code get_preference}).
     */
    K select(List<K> unsatisfied, ResolutionView<R, C, K> view);

    /**
     * The candidates for {@code identifier} satisfying every requirement in {@code requirements} for it and
     * not in {@code incompatibilities}, most preferred first.
     *
     * @param requirements all requirements known per identifier, including the one being added
     * @param incompatibilities all candidates known not to work per identifier
     */
    List<C> findMatches(K identifier, Function<K, List<R>> requirements, Function<K, Collection<C>> incompatibilities);

    /** Whether the candidate satisfies the requirement. */
    boolean isSatisfiedBy(R requirement, C candidate);

    /**
     * The candidate's dependencies. A provider may throw {@link CandidateUnusableException} when a
     * candidate turns out to be unusable (for example its metadata cannot be read); the engine then treats
     * it as rejected and moves on to the next candidate.
     */
    List<R> dependencies(C candidate);
}
