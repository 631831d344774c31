package dev.pylayer.resolve;

import dev.pylayer.version.Version;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** A wheel seen with extras: depends on exactly its base wheel plus the extras' dependencies (pip's {@code ExtrasCandidate}). */
public record ExtrasCandidate(WheelCandidate base, SortedSet<String> extras) implements Candidate {

    public ExtrasCandidate {
        Objects.requireNonNull(base, "base");
        extras = Collections.unmodifiableSortedSet(new TreeSet<>(extras));
        if (extras.isEmpty()) {
            throw new IllegalArgumentException("an extras candidate has at least one extra");
        }
    }

    @Override
    public String identifier() {
        return Candidate.identifier(base.name(), extras);
    }

    @Override
    public Version version() {
        return base.version();
    }

    @Override
    public String describe() {
        return identifier() + " " + base.version();
    }

    @Override
    public String toString() {
        return describe();
    }
}
