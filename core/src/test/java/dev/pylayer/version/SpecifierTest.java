package dev.pylayer.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.testdata.tables.ExpectationTables;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SpecifierTest {

    static Stream<Arguments> containment() {
        return ExpectationTables.rows(SpecifierTest.class, "specifier-contains.csv").stream()
                .map(row -> Arguments.of(row[0], row[1], Boolean.parseBoolean(row[2].toLowerCase()),
                        Boolean.parseBoolean(row[3].toLowerCase())));
    }

    @ParameterizedTest(name = "{1} in {0}: {2} (with pre-releases: {3})")
    @MethodSource("containment")
    void matchesAsPackagingDoes(String specifier, String version, boolean byDefault, boolean withPrereleases) {
        Specifier parsed = Specifier.parse(specifier);
        assertEquals(byDefault, parsed.contains(Version.parse(version)), "default policy");
        assertEquals(withPrereleases, parsed.contains(Version.parse(version), true), "pre-releases allowed");
        // A one-clause set behaves as the clause.
        assertEquals(byDefault, SpecifierSet.parse(specifier).contains(Version.parse(version)));
    }

    static Stream<Arguments> validity() {
        return ExpectationTables.rows(SpecifierTest.class, "specifier-validity.csv").stream()
                .map(row -> Arguments.of(row[0], Boolean.parseBoolean(row[1].toLowerCase())));
    }

    @ParameterizedTest(name = "[{0}] valid: {1}")
    @MethodSource("validity")
    void acceptsWhatPackagingAccepts(String specifier, boolean valid) {
        if (valid) {
            Specifier.parse(specifier);
        } else {
            InvalidSpecifierException error = assertThrows(InvalidSpecifierException.class, () -> Specifier.parse(specifier));
            assertTrue(error.getMessage().contains("`" + specifier + "`"), error.getMessage());
            assertFalse(error.hints().isEmpty());
        }
    }

    static Stream<Arguments> filtering() {
        return ExpectationTables.rows(SpecifierTest.class, "specifierset-filter.csv").stream()
                .map(row -> Arguments.of(row[0], row[1], row[2], row[3], row[4]));
    }

    @ParameterizedTest(name = "[{0}] over [{1}] → [{2}] / pre [{3}] / final [{4}]")
    @MethodSource("filtering")
    void filtersWithThePep440PrereleasePolicy(String set, String candidates, String byDefault, String allowed,
            String forbidden) {
        SpecifierSet specifiers = SpecifierSet.parse(set);
        List<String> items = words(candidates);
        assertEquals(words(byDefault), specifiers.filter(items, Version::parse, null));
        assertEquals(words(allowed), specifiers.filter(items, Version::parse, true));
        assertEquals(words(forbidden), specifiers.filter(items, Version::parse, false));
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split(" "));
    }

    @ParameterizedTest(name = "[{0}] pinned: {1}")
    @CsvSource(delimiter = '|', value = {"==1.0|true", "==1.0.*|false", "===1.0|true", ">=1.0|false", "''|false",
            ">=1,==1.2|true"})
    void knowsWhenASetPinsAVersion(String input, boolean pinned) {
        assertEquals(pinned, SpecifierSet.parse(input).isPinned());
        assertEquals(pinned, SpecifierSet.parse(input).pinnedVersion().isPresent());
    }

    @Test
    void combinesSets() {
        SpecifierSet combined = SpecifierSet.parse(">=1.0").and(SpecifierSet.parse("<2,>=1.0"));
        assertEquals("<2,>=1.0", combined.toString());
        assertTrue(combined.contains(Version.parse("1.5")));
        assertFalse(combined.contains(Version.parse("2.0")));
        assertTrue(SpecifierSet.any().contains(Version.parse("7")));
    }

    @Test
    void judgesALonePrereleaseAsPackaging26Does() {
        // packaging 26 (pip 26.2's vendored copy): contains(v) is filter([v]) under PEP 440's "pre-releases if
        // nothing else matches", and a lone pre-release is all there is; packaging 25 answered False here.
        assertTrue(SpecifierSet.any().contains(Version.parse("7a1")));
        assertTrue(SpecifierSet.parse(">=1").contains(Version.parse("7a1")));
        assertFalse(SpecifierSet.any().contains(Version.parse("7a1"), false));
        assertEquals(List.of("7"), SpecifierSet.any().filter(List.of("7a1", "7"), Version::parse, null));
    }

    @ParameterizedTest(name = "{0} == {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "~=1.0|~=1.0.0|false",
            "==1.0|==1.0.0|true",
            "===Foo|===foo|false",
            "==1.0.*|==1.0.0.*|false",
            "==1.0.*|==1.00.*|false",
            ">=v1.0|>=1.0|true",
            "==1.0+abc|==1.0.0+abc|true",
            "!=1.0|==1.0|false",
            "==1.0+abc|==1.0|false"})
    void comparesClausesByPackagingsCanonicalForm(String a, String b, boolean equal) {
        assertEquals(equal, Specifier.parse(a).equals(Specifier.parse(b)));
        if (equal) {
            assertEquals(Specifier.parse(a).hashCode(), Specifier.parse(b).hashCode());
        }
    }

    // packaging's str(SpecifierSet): clauses sorted by their text, duplicates (equal in canonical form) dropped.
    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
            ">=1.0, <2|<2,>=1.0",
            ">=1.0,,|>=1.0",
            "' >= 1.0 , != 1.5.* '|!=1.5.*,>=1.0",
            "''|''",
            "==1.0.0,==1.0|==1.0",
            ">=1.0.0,>=1.0|>=1.0",
            "' ~=1.0 ,  ~=1.0.0'|~=1.0,~=1.0.0",
            "<2,>1,!=1.5|!=1.5,<2,>1"})
    void parsesSetsAndPrintsThemSortedWithoutDuplicates(String input, String printed) {
        assertEquals(printed, SpecifierSet.parse(input).toString());
        assertEquals(SpecifierSet.parse(input), SpecifierSet.parse(printed));
    }
}
