package dev.pylayer.resolve;

import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.Requirement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to resolve: the user's requirements; constraints ({@code -c}: limit versions, never add projects);
 * the {@code --hash} digests per project ({@code algorithm:hex}); whether pre-releases may be chosen
 * ({@code --pre}); and whether hash-checking mode is on (pip: any {@code --hash} or {@code --require-hashes};
 * then every installed distribution needs an allowed hash, dependencies included).
 */
public record ResolveRequest(List<RootRequirement> requirements, List<Requirement> constraints,
        Map<PackageName, Set<String>> hashes, boolean allowPrereleases, boolean hashCheckingMode) {
    public ResolveRequest {
        requirements = List.copyOf(requirements);
        constraints = List.copyOf(constraints);
        hashes = Map.copyOf(hashes);
    }

    public static ResolveRequest of(List<RootRequirement> requirements) {
        return new ResolveRequest(requirements, List.of(), Map.of(), false, false);
    }
}
