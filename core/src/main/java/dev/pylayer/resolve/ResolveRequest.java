package dev.pylayer.resolve;

import dev.pylayer.requirement.Requirement;
import java.util.List;

/**
 * What to resolve: the user's requirements, constraints ({@code -c}: limit versions, never add projects),
 * whether pre-releases may be chosen ({@code --pre}), and whether hash-checking mode is on (pip: any
 * {@code --hash} or {@code --require-hashes}; then every installed distribution needs an allowed hash).
 */
public record ResolveRequest(List<RootRequirement> requirements, List<Requirement> constraints,
        boolean allowPrereleases, boolean hashCheckingMode) {
    public ResolveRequest {
        requirements = List.copyOf(requirements);
        constraints = List.copyOf(constraints);
    }

    public static ResolveRequest of(List<RootRequirement> requirements) {
        return new ResolveRequest(requirements, List.of(), false, false);
    }
}
