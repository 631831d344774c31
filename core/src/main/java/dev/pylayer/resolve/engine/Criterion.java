package dev.pylayer.resolve.engine;

import java.util.List;

/**
 * What is known about one identifier: the requirements on it (with who asked), the candidates that
 * satisfy all of them, and the candidates known not to work. Immutable.
 */
public final class Criterion<R, C> {
    private final List<C> candidates;
    private final List<RequirementInformation<R, C>> information;
    private final List<C> incompatibilities;

    Criterion(List<C> candidates, List<RequirementInformation<R, C>> information, List<C> incompatibilities) {
        this.candidates = List.copyOf(candidates);
        this.information = List.copyOf(information);
        this.incompatibilities = List.copyOf(incompatibilities);
    }

    /** Candidates satisfying every requirement and not known incompatible, most preferred first. */
    public List<C> candidates() {
        return candidates;
    }

    public List<RequirementInformation<R, C>> information() {
        return information;
    }

    public List<C> incompatibilities() {
        return incompatibilities;
    }

    /** The requirements alone, in the order they were added. */
    public List<R> requirements() {
        return information.stream().map(RequirementInformation::requirement).toList();
    }

    @Override
    public String toString() {
        return "Criterion" + information;
    }
}
