package dev.pylayer.resolve;

import dev.pylayer.requirement.Requirement;
import java.util.Objects;
import java.util.Set;

/**
 * A requirement the user asked for, with the {@code --hash} digests a requirements file gave it (sha256 hex,
 * lower case; empty when none) and where it came from ({@code requirements.txt:3}, or {@code command line}).
 */
public record RootRequirement(Requirement requirement, Set<String> sha256, String source) {
    public RootRequirement {
        Objects.requireNonNull(requirement, "requirement");
        sha256 = Set.copyOf(sha256);
        Objects.requireNonNull(source, "source");
    }

    public static RootRequirement of(Requirement requirement) {
        return new RootRequirement(requirement, Set.of(), "command line");
    }
}
