package dev.pylayer.version;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Comma-separated PEP 440 clauses that must all match; empty matches everything. Semantics of
 * {@code packaging.specifiers.SpecifierSet} 26: {@link #filter} admits pre-releases only when a clause implies
 * them or nothing final matches; {@link #contains(Version, boolean)} can forbid them outright.
 */
public final class SpecifierSet {
    private static final SpecifierSet ANY = new SpecifierSet(List.of());

    private final List<Specifier> specifiers;

    private SpecifierSet(List<Specifier> specifiers) {
        this.specifiers = specifiers;
    }

    /** The set that matches every version. */
    public static SpecifierSet any() {
        return ANY;
    }

    /** Parses {@code ">=1.0, !=1.3.*, <2"}; empty items (a trailing comma) are ignored as packaging does. */
    public static SpecifierSet parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Specifier> parsed = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            if (!PythonText.strip(item).isEmpty()) {
                parsed.add(Specifier.parse(item));
            }
        }
        return of(parsed);
    }

    /** The set of the given clauses. */
    public static SpecifierSet of(Collection<Specifier> specifiers) {
        return specifiers.isEmpty() ? ANY : new SpecifierSet(canonical(specifiers));
    }

    /**
     * packaging's {@code _canonical_specs}: sorted by their text, then duplicates dropped keeping the first, so
     * {@code ==1.0.0,==1.0} is printed {@code ==1.0}.
     */
    private static List<Specifier> canonical(Collection<Specifier> specifiers) {
        List<Specifier> sorted = new ArrayList<>(specifiers);
        sorted.sort(Comparator.comparing(Specifier::toString));
        return List.copyOf(new LinkedHashSet<>(sorted));
    }

    /** The clauses in packaging's canonical order (sorted by text, without duplicates). */
    public List<Specifier> specifiers() {
        return specifiers;
    }

    public boolean isEmpty() {
        return specifiers.isEmpty();
    }

    /** Both sets' clauses. */
    public SpecifierSet and(SpecifierSet other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<Specifier> merged = new ArrayList<>(specifiers);
        merged.addAll(other.specifiers);
        return new SpecifierSet(canonical(merged));
    }

    /** Whether some clause asks for pre-releases (packaging's {@code SpecifierSet.prereleases} is True). */
    public boolean impliesPrereleases() {
        for (Specifier specifier : specifiers) {
            if (specifier.impliesPrereleases()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code version} matches every clause. As in packaging 26, a lone pre-release is not rejected
     * here: the pre-release policy needs the other candidates and lives in {@link #filter}.
     */
    public boolean contains(Version version) {
        return contains(version, true);
    }

    /** Whether {@code version} matches every clause; pre-releases rejected unless {@code allowPrereleases}. */
    public boolean contains(Version version, boolean allowPrereleases) {
        if (version.isPrerelease() && !allowPrereleases) {
            return false;
        }
        for (Specifier specifier : specifiers) {
            if (!specifier.matches(version)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The items whose versions match, in their given order, with packaging 26's pre-release policy:
     * {@code allowPrereleases} true admits them, false rejects them, and null (the default) admits them only
     * when a clause implies pre-releases or when no final release matches (PEP 440's "if necessary").
     */
    public <T> List<T> filter(Collection<T> items, Function<T, Version> versionOf, Boolean allowPrereleases) {
        Boolean policy = allowPrereleases;
        if (policy == null && impliesPrereleases()) {
            policy = Boolean.TRUE;
        }
        List<T> finals = new ArrayList<>();
        List<T> prereleases = new ArrayList<>();
        for (T item : items) {
            Version version = versionOf.apply(item);
            if (!contains(version, true)) {
                continue;
            }
            if (version.isPrerelease() && !Boolean.TRUE.equals(policy)) {
                prereleases.add(item);
            } else {
                finals.add(item);
            }
        }
        if (policy == null && finals.isEmpty()) {
            return prereleases;
        }
        return finals;
    }

    /**
     * The version of a clause that pins exactly ({@code ==X} without a wildcard, or {@code ===X} on a PEP 440
     * string): pip allows yanked files (PEP 592) only for such pins.
     */
    public Optional<Version> pinnedVersion() {
        for (Specifier specifier : specifiers) {
            if ((specifier.operator() == Specifier.Operator.EQUAL && !specifier.isWildcard())
                    || specifier.operator() == Specifier.Operator.ARBITRARY_EQUAL) {
                return Version.tryParse(specifier.versionText());
            }
        }
        return Optional.empty();
    }

    /** Whether some clause pins exactly (pip's {@code is_pinned}: {@code ===}, or {@code ==} without {@code .*}). */
    public boolean isPinned() {
        for (Specifier specifier : specifiers) {
            if (specifier.operator() == Specifier.Operator.ARBITRARY_EQUAL
                    || (specifier.operator() == Specifier.Operator.EQUAL && !specifier.isWildcard())) {
                return true;
            }
        }
        return false;
    }

    /** Clauses sorted and joined with commas, as packaging prints them. */
    @Override
    public String toString() {
        return specifiers.stream().map(Specifier::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpecifierSet that && specifiers.equals(that.specifiers);
    }

    @Override
    public int hashCode() {
        return specifiers.hashCode();
    }
}
