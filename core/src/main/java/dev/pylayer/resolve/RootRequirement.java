package dev.pylayer.resolve;

import dev.pylayer.requirement.Requirement;
import java.util.Objects;

/** A requirement the user asked for, and where it came from ({@code requirements.txt:3}, or {@code command line}). */
public record RootRequirement(Requirement requirement, String source) {
    public RootRequirement {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(source, "source");
    }

    public static RootRequirement of(Requirement requirement) {
        return new RootRequirement(requirement, "command line");
    }
}
