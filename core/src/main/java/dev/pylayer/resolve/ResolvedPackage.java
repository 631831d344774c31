package dev.pylayer.resolve;

import dev.pylayer.index.DistributionFile;
import dev.pylayer.name.PackageName;
import dev.pylayer.version.Version;
import java.util.Set;

/**
 * One distribution the layer will contain: the chosen wheel, whether the user asked for the project
 * ({@code requested}: its dist-info gets a {@code REQUESTED} file, as pip writes), the digests the user allowed
 * for it ({@code algorithm:hex}), and who required it ({@code null} in {@code requiredBy} stands for the user).
 */
public record ResolvedPackage(PackageName name, Version version, DistributionFile file, boolean requested,
        Set<String> allowedHashes, Set<String> requiredBy) {
    public ResolvedPackage {
        allowedHashes = Set.copyOf(allowedHashes);
        requiredBy = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(requiredBy));
    }
}
