package dev.pylayer.resolve;

import dev.pylayer.name.PackageName;
import dev.pylayer.requirement.Requirement;
import dev.pylayer.version.SpecifierSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the resolver is asked to satisfy, in pip's three shapes: a PEP 508 specifier on a project (optionally
 * with its extras dropped, pip's {@code SpecifierWithoutExtrasRequirement}), one exact candidate
 * ({@code ExplicitRequirement}), or a distribution's {@code Requires-Python}.
 */
public sealed interface PythonRequirement {

    String identifier();

    boolean isSatisfiedBy(Candidate candidate);

    /** For messages: {@code numpy>=1.26}, {@code Python >=3.12}. */
    String describe();

    /**
     * A specifier requirement. {@code withoutExtras} makes the base-project half of {@code foo[x]>=1}: pip splits such
     * a requirement into {@code foo>=1} and {@code foo[x]>=1} so constraints on the base apply early.
     */
    record Specified(Requirement requirement, boolean withoutExtras) implements PythonRequirement {
        public Specified {
            Objects.requireNonNull(requirement, "requirement");
        }

        public PackageName name() {
            return requirement.name();
        }

        public Set<String> extras() {
            return withoutExtras ? Set.of() : requirement.extras();
        }

        public SpecifierSet specifier() {
            return requirement.specifier();
        }

        @Override
        public String identifier() {
            return Candidate.identifier(requirement.name(), extras());
        }

        @Override
        public boolean isSatisfiedBy(Candidate candidate) {
            // pip allows pre-releases here: the finder already decided whether they may be offered.
            return requirement.specifier().contains(candidate.version(), true);
        }

        @Override
        public String describe() {
            String spec = requirement.specifier().toString();
            return identifier() + spec;
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * Exactly this candidate: an extras candidate's link to its base wheel, or the wheel of a {@code name @ url}
     * requirement ({@code url} is then the URL as the user wrote it, password masked, for messages).
     */
    record Explicit(Candidate candidate, String url) implements PythonRequirement {
        public Explicit(Candidate candidate) {
            this(candidate, null);
        }

        @Override
        public String identifier() {
            return candidate.identifier();
        }

        @Override
        public boolean isSatisfiedBy(Candidate other) {
            return candidate.equals(other);
        }

        @Override
        public String describe() {
            return url != null ? candidate.identifier() + " @ " + url : candidate.identifier() + "==" + candidate.version();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** A distribution's {@code Requires-Python}. */
    record RequiresPython(SpecifierSet specifier) implements PythonRequirement {
        @Override
        public String identifier() {
            return PythonCandidate.IDENTIFIER;
        }

        @Override
        public boolean isSatisfiedBy(Candidate candidate) {
            return specifier.contains(candidate.version(), true);
        }

        @Override
        public String describe() {
            return "Python" + specifier;
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
