package dev.pylayer.requirement;

import dev.pylayer.name.PackageName;
import dev.pylayer.version.InvalidSpecifierException;
import dev.pylayer.version.SpecifierSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A PEP 508 dependency specifier: {@code name[extra,…] specifiers ; marker} or {@code name[extra,…] @ url ;
 * marker}, read by the same grammar as {@code packaging.requirements.Requirement} 26.2 (pip 26's copy).
 *
 * <p>Extras are PEP 685-normalized for {@link #extras()} and equality; {@link #toString()} prints them as
 * written, as packaging does, so that printing gives back what pip would print.
 */
public final class Requirement {
    private final PackageName name;
    private final SortedSet<String> extras;
    private final List<String> extrasAsWritten;
    private final SpecifierSet specifier;
    private final String url;
    private final Marker marker;

    private Requirement(PackageName name, SortedSet<String> extras, List<String> extrasAsWritten,
            SpecifierSet specifier, String url, Marker marker) {
        this.name = name;
        this.extras = extras;
        this.extrasAsWritten = extrasAsWritten;
        this.specifier = specifier;
        this.url = url;
        this.marker = marker;
    }

    /**
     * Parses a requirement; throws {@link InvalidRequirementException} with packaging's reason and a caret
     * under the place. A name packaging accepts but no index can hold (one ending in {@code _}) is refused too.
     */
    public static Requirement parse(String requirement) {
        Objects.requireNonNull(requirement, "requirement");
        Pep508Parser.Parsed parsed;
        try {
            parsed = Pep508Parser.requirement(requirement);
        } catch (Pep508Tokenizer.SyntaxError e) {
            throw new InvalidRequirementException(requirement, e.problem);
        }
        if (!PackageName.isValid(parsed.name())) {
            int start = requirement.indexOf(parsed.name());
            throw new InvalidRequirementException(requirement, new SyntaxProblem("`" + parsed.name()
                    + "` is not a valid project name (it must start and end with a letter or digit)",
                    start, start + parsed.name().length() - 1));
        }
        SpecifierSet specifier;
        try {
            specifier = SpecifierSet.parse(parsed.specifier());
        } catch (InvalidSpecifierException e) {
            // The grammar only lets through clauses that parse; kept as a typed error all the same.
            throw new InvalidRequirementException(requirement, new SyntaxProblem(e.getMessage(), 0, 0));
        }
        SortedSet<String> extras = parsed.extras().stream().map(PackageName::normalize)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> asWritten = parsed.extras().stream().distinct().sorted().toList();
        return new Requirement(PackageName.of(parsed.name()), java.util.Collections.unmodifiableSortedSet(extras),
                asWritten, specifier, parsed.url().isEmpty() ? null : parsed.url(),
                parsed.marker() == null ? null : Marker.fromTree(parsed.marker()));
    }

    /**
     * This requirement with {@code newMarker} (or none) in place of its marker. pip reads a requirements-file
     * line {@code name>=1; marker} as the requirement before the first {@code ;} and the marker after it.
     */
    public Requirement withMarker(Marker newMarker) {
        return new Requirement(name, extras, extrasAsWritten, specifier, url, newMarker);
    }

    public PackageName name() {
        return name;
    }

    /** The extras asked for, PEP 685-normalized ({@code Foo_Bar} → {@code foo-bar}) and sorted. */
    public Set<String> extras() {
        return extras;
    }

    /** The version clauses; {@link SpecifierSet#any()} when there are none. */
    public SpecifierSet specifier() {
        return specifier;
    }

    /** The URL of a direct reference ({@code name @ url}), as written. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    public Optional<Marker> marker() {
        return Optional.ofNullable(marker);
    }

    /**
     * Whether this requirement applies in {@code environment} when {@code requestedExtras} of the project that
     * declares it are asked for: pip's rule for a distribution's dependencies ({@code iter_dependencies}). No
     * marker: always. No extras requested: the marker evaluated with {@code extra == ""}. Otherwise: the marker
     * holds for at least one requested extra.
     */
    public boolean appliesTo(MarkerEnvironment environment, Collection<String> requestedExtras) {
        Objects.requireNonNull(environment, "environment");
        if (marker == null) {
            return true;
        }
        if (requestedExtras.isEmpty()) {
            return marker.evaluate(environment, "");
        }
        for (String extra : requestedExtras) {
            if (marker.evaluate(environment, extra)) {
                return true;
            }
        }
        return false;
    }

    /** packaging's {@code str(Requirement)}: {@code name[extras]specifiers}, {@code  @ url}, {@code ; marker}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name.display());
        if (!extrasAsWritten.isEmpty()) {
            text.append('[').append(String.join(",", extrasAsWritten)).append(']');
        }
        text.append(specifier);
        if (url != null) {
            text.append(" @ ").append(url);
            if (marker != null) {
                text.append(' ');
            }
        }
        if (marker != null) {
            text.append("; ").append(marker);
        }
        return text.toString();
    }

    /** Equal in normalized name, normalized extras, specifiers, URL and marker. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Requirement that && name.equals(that.name) && extras.equals(that.extras)
                && specifier.equals(that.specifier) && Objects.equals(url, that.url)
                && Objects.equals(marker, that.marker);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, extras, specifier, url, marker);
    }
}
