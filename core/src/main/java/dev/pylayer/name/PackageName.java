package dev.pylayer.name;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A project name, compared in its PEP 503 normalized form: runs of {@code -}, {@code _} and {@code .}
 * become one {@code -}, lower-cased. {@code Foo.Bar}, {@code foo_bar} and {@code FOO--bar} are the same
 * project. The spelling first seen is kept for display.
 */
public final class PackageName implements Comparable<PackageName> {
    /** PEP 508 / core metadata: letters, digits, {@code -_.}, starting and ending alphanumeric. */
    private static final Pattern VALID = Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    private final String display;
    private final String normalized;

    private PackageName(String display, String normalized) {
        this.display = display;
        this.normalized = normalized;
    }

    /** Parses a project name; throws {@link InvalidNameException} for anything PEP 508 does not allow. */
    public static PackageName of(String name) {
        Objects.requireNonNull(name, "name");
        String trimmed = name.strip();
        if (!VALID.matcher(trimmed).matches()) {
            throw new InvalidNameException(name);
        }
        return new PackageName(trimmed, normalize(trimmed));
    }

    /** Whether {@code name} is a valid project name. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name.strip()).matches();
    }

    /** The PEP 503 normalized form of any string: {@code Foo__Bar.baz} → {@code foo-bar-baz}. */
    public static String normalize(String name) {
        // Most names have nothing to replace: no `_` or `.`, no run of `-` (the regex engine is dear on a cold JVM).
        if (name.indexOf('_') < 0 && name.indexOf('.') < 0 && !name.contains("--")) {
            return name.toLowerCase(java.util.Locale.ROOT);
        }
        return SEPARATORS.matcher(name).replaceAll("-").toLowerCase(java.util.Locale.ROOT);
    }

    /** The normalized name: what indexes are keyed by and what equality uses. */
    public String normalized() {
        return normalized;
    }

    /** The name as first spelled, for messages. */
    public String display() {
        return display;
    }

    /**
     * The form wheel and dist-info file names use (PEP 427 / binary distribution format): the normalized
     * name with {@code -} replaced by {@code _}.
     */
    public String wheelEscaped() {
        return normalized.replace('-', '_');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackageName that && normalized.equals(that.normalized);
    }

    @Override
    public int hashCode() {
        return normalized.hashCode();
    }

    @Override
    public int compareTo(PackageName other) {
        return normalized.compareTo(other.normalized);
    }

    @Override
    public String toString() {
        return display;
    }
}
