package dev.pylayer.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.testdata.tables.ExpectationTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VersionTest {

    static Stream<Arguments> normalization() {
        return ExpectationTables.rows(VersionTest.class, "version-normalization.csv").stream()
                .map(row -> Arguments.of(row[0], row[1]));
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @MethodSource("normalization")
    void normalizesAsPackagingDoes(String input, String expected) {
        if (expected.equals("INVALID")) {
            InvalidVersionException error = assertThrows(InvalidVersionException.class, () -> Version.parse(input));
            assertTrue(error.getMessage().contains("`" + input + "`"), error.getMessage());
            assertTrue(Version.tryParse(input).isEmpty());
        } else {
            assertEquals(expected, Version.parse(input).toString());
        }
    }

    @Test
    void ordersAsPep440() {
        List<Version> expected = ExpectationTables.rows(VersionTest.class, "version-order.txt").stream()
                .map(r -> Version.parse(r[0])).toList();
        for (int i = 1; i < expected.size(); i++) {
            assertTrue(expected.get(i - 1).compareTo(expected.get(i)) < 0, expected.get(i - 1) + " < " + expected.get(i));
            assertTrue(expected.get(i).compareTo(expected.get(i - 1)) > 0);
        }
        List<Version> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(440));
        Collections.sort(shuffled);
        assertEquals(expected, shuffled);
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource({"1.0, 1.0.0", "1.0, 1.0.0.0", "1.0rc1, 1.0c1", "1.0.post0, 1.0-0", "1.0+abc.1, 1.0+ABC-1",
            "0!1.0, 1.0", "1.0+01, 1.0+1", "v2, 2.0", "1.0a, 1.0a0"})
    void treatsSpellingsOfOneVersionAsEqual(String a, String b) {
        assertEquals(Version.parse(a), Version.parse(b));
        assertEquals(Version.parse(a).hashCode(), Version.parse(b).hashCode());
        assertEquals(0, Version.parse(a).compareTo(Version.parse(b)));
    }

    @Test
    void comparesNumbersBeyondALongExactly() {
        List<String> ascending = List.of("9223372036854775806", "9223372036854775807", "9223372036854775808",
                "99999999999999999999", "99999999999999999999.post1", "100000000000000000000a1",
                "100000000000000000000", "1!0", "99999999999999999999!0.dev1");
        for (int i = 1; i < ascending.size(); i++) {
            Version lower = Version.parse(ascending.get(i - 1));
            Version higher = Version.parse(ascending.get(i));
            assertTrue(lower.compareTo(higher) < 0, lower + " < " + higher);
            assertTrue(higher.compareTo(lower) > 0, higher + " > " + lower);
        }
        Version padded = Version.parse("1.99999999999999999999.0");
        assertEquals(Version.parse("1.099999999999999999999"), padded);
        assertEquals(Version.parse("1.099999999999999999999").hashCode(), padded.hashCode());
        assertEquals("1.0+99999999999999999999", Version.parse("1.0+099999999999999999999").toString());
        assertTrue(Version.parse("1.0+99999999999999999999").compareTo(Version.parse("1.0+9223372036854775807")) > 0);
        assertEquals(Long.MAX_VALUE, Version.parse("99999999999999999999").releasePart(0), "accessors saturate");
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource({"1.0, 1.0+local", "1.0, 1.0.post0", "1.0, 1!1.0", "1.0a1, 1.0b1", "1.0.dev0, 1.0"})
    void distinguishesDifferentVersions(String a, String b) {
        assertNotEquals(Version.parse(a), Version.parse(b));
    }

    @ParameterizedTest(name = "{0}: pre={1} post={2} dev={3} local={4}")
    @CsvSource({
            "1.0, false, false, false, false",
            "1.0a1, true, false, false, false",
            "1.0.dev1, true, false, true, false",
            "1.0.post1.dev1, true, true, true, false",
            "1.0.post1, false, true, false, false",
            "1.0+x, false, false, false, true",
            "1.0rc1+x, true, false, false, true"})
    void classifiesReleases(String text, boolean pre, boolean post, boolean dev, boolean local) {
        Version version = Version.parse(text);
        assertEquals(pre, version.isPrerelease());
        assertEquals(post, version.isPostrelease());
        assertEquals(dev, version.isDevrelease());
        assertEquals(local, version.isLocal());
    }

    @ParameterizedTest(name = "{0}: public {1}, base {2}")
    @CsvSource({"1!2.0rc1.post3.dev4+abc, 1!2.0rc1.post3.dev4, 1!2.0", "1.2.3, 1.2.3, 1.2.3", "1.0+5, 1.0, 1.0"})
    void derivesPublicAndBaseVersions(String text, String publicVersion, String baseVersion) {
        Version version = Version.parse(text);
        assertEquals(publicVersion, version.publicVersion().toString());
        assertEquals(baseVersion, version.baseVersion().toString());
    }

    @Test
    void exposesItsParts() {
        Version version = Version.parse("2!1.2.3rc4.post5.dev6+Ubuntu-7");
        assertEquals(2, version.epoch());
        assertEquals(List.of(1L, 2L, 3L), version.release());
        assertEquals(Version.PreKind.RELEASE_CANDIDATE, version.pre().orElseThrow().kind());
        assertEquals(4, version.pre().orElseThrow().number());
        assertEquals(5, version.post().orElseThrow());
        assertEquals(6, version.dev().orElseThrow());
        assertEquals("ubuntu.7", version.local().orElseThrow());
        assertFalse(Version.parse("1").post().isPresent());
    }
}
