package dev.pylayer.resolve;

import dev.pylayer.version.SpecifierSet;
import java.util.Set;

/**
 * What the user allows for one project without asking for it: {@code -c} constraint files' specifiers, and the
 * {@code --hash} digests of requirements files ({@code algorithm:hex}, e.g. {@code sha256:3b1c…}). Constraints
 * never add a project to the layer.
 */
public record Constraint(SpecifierSet specifier, Set<String> hashes) {
    public static final Constraint NONE = new Constraint(SpecifierSet.any(), Set.of());

    public Constraint {
        hashes = Set.copyOf(hashes);
    }

    public Constraint and(Constraint other) {
        Set<String> combined;
        if (hashes.isEmpty()) {
            combined = other.hashes;
        } else if (other.hashes.isEmpty()) {
            combined = hashes;
        } else {
            combined = new java.util.HashSet<>(hashes);
            combined.retainAll(other.hashes);
        }
        return new Constraint(specifier.and(other.specifier), combined);
    }

    /** The allowed sha256 digests (hex): the only algorithm indexes publish that candidates can be sorted by. */
    public Set<String> sha256() {
        Set<String> sha256 = new java.util.HashSet<>();
        for (String hash : hashes) {
            if (hash.startsWith("sha256:")) {
                sha256.add(hash.substring("sha256:".length()));
            }
        }
        return sha256;
    }
}
