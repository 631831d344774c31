package dev.pylayer.resolve;

import dev.pylayer.version.Version;

/** The target's interpreter, the only candidate for every {@code Requires-Python} requirement. */
public record PythonCandidate(Version version) implements Candidate {
    /** pip's {@code REQUIRES_PYTHON_IDENTIFIER}: cannot clash with a project name. */
    public static final String IDENTIFIER = "<Python from Requires-Python>";

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public String describe() {
        return "Python " + version;
    }

    // equals and hashCode are written out: a record's own are bootstrapped through method handles on their first call,
    // which costs a cold JVM milliseconds per record type, on the build's critical path (see docs/architecture.md).
    @Override
    public boolean equals(Object other) {
        return other instanceof PythonCandidate that && version.equals(that.version);
    }

    @Override
    public int hashCode() {
        return version.hashCode();
    }
}
