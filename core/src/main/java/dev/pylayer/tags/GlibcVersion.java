package dev.pylayer.tags;

/** A glibc version such as 2.26: what manylinux_2_26 wheels and GLIBC_2.26 symbol versions name. */
public record GlibcVersion(int major, int minor) implements Comparable<GlibcVersion> {
    public GlibcVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("glibc version parts must not be negative: " + major + "." + minor);
        }
    }

    /** Parses {@code 2.26} (and tolerates a third part such as {@code 2.17.1}, which is ignored). */
    public static GlibcVersion parse(String text) {
        String[] parts = text.strip().split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a glibc version: `" + text + "`");
        }
        try {
            return new GlibcVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a glibc version: `" + text + "`", e);
        }
    }

    public boolean isAtMost(GlibcVersion other) {
        return compareTo(other) <= 0;
    }

    // equals and hashCode are written out: a record's own are bootstrapped through method handles on their first call,
    // which costs a cold JVM milliseconds per record type, on the build's critical path (see docs/architecture.md).
    @Override
    public boolean equals(Object other) {
        return other instanceof GlibcVersion that && major == that.major && minor == that.minor;
    }

    @Override
    public int hashCode() {
        return 31 * major + minor;
    }

    @Override
    public int compareTo(GlibcVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
