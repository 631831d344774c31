package dev.pylayer.resolve;

import dev.pylayer.version.SpecifierSet;
import java.util.Set;

/**
 * What the user allows for one project without asking for it: {@code -c} constraint files' specifiers, and the
 * {@code --hash} digests of requirements files. Constraints never add a project to the layer.
 */
public record Constraint(SpecifierSet specifier, Set<String> allowedSha256) {
    public static final Constraint NONE = new Constraint(SpecifierSet.any(), Set.of());

    public Constraint {
        allowedSha256 = Set.copyOf(allowedSha256);
    }

    public Constraint and(Constraint other) {
        Set<String> hashes;
        if (allowedSha256.isEmpty()) {
            hashes = other.allowedSha256;
        } else if (other.allowedSha256.isEmpty()) {
            hashes = allowedSha256;
        } else {
            hashes = new java.util.HashSet<>(allowedSha256);
            hashes.retainAll(other.allowedSha256);
        }
        return new Constraint(specifier.and(other.specifier), hashes);
    }
}
