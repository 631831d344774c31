package dev.pylayer.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.name.PackageName;
import dev.pylayer.tags.Tag;
import dev.pylayer.testdata.tables.ExpectationTables;
import dev.pylayer.version.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WheelFilenameTest {

    static Stream<Arguments> table() {
        return ExpectationTables.rows(WheelFilenameTest.class, "wheel-filenames.csv").stream()
                .map(row -> Arguments.of(row[0], row[1], row[2], row[3], row[4]));
    }

    @ParameterizedTest(name = "{0} → {1} {2} {3}")
    @MethodSource("table")
    void parsesAsPackagingDoes(String filename, String name, String version, String build, String tags) {
        if (name.equals("INVALID") || name.equals("STRICTER")) {
            InvalidWheelFilenameException error =
                    assertThrows(InvalidWheelFilenameException.class, () -> WheelFilename.parse(filename));
            assertTrue(error.getMessage().contains("`" + filename + "`"), error.getMessage());
            assertEquals(filename, error.filename());
            assertEquals(Optional.empty(), WheelFilename.tryParse(filename));
            return;
        }
        WheelFilename parsed = WheelFilename.parse(filename);
        assertEquals(name, parsed.name().normalized());
        assertEquals(version, parsed.version().toString());
        assertEquals(build, parsed.buildTag().map(BuildTag::toString).orElse(""));
        assertEquals(tags, parsed.tags().stream().map(Tag::toString).sorted().collect(Collectors.joining(" ")));
        assertEquals(filename, parsed.filename());
        assertEquals(Optional.of(parsed), WheelFilename.tryParse(filename));
    }

    @Test
    void keepsTagsInTheOrderWritten() {
        WheelFilename parsed = WheelFilename.parse(
                "numpy-2.2.6-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        assertEquals(List.of(new Tag("cp311", "cp311", "manylinux_2_17_x86_64"),
                new Tag("cp311", "cp311", "manylinux2014_x86_64")), List.copyOf(parsed.tags()));
        assertEquals("cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64", parsed.compressedTags());
    }

    @Test
    void comparesNamesNormalized() {
        WheelFilename a = WheelFilename.parse("Foo.Bar-1.0-py3-none-any.whl");
        WheelFilename b = WheelFilename.parse("foo_bar-1.0-py3-none-any.whl");
        assertEquals(a.name(), b.name());
        assertEquals(PackageName.of("foo-bar"), a.name());
        assertEquals(Version.parse("1.0"), a.version());
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({"1, 2", "1, 1a", "1a, 1b", "2, 10", "9z, 10", "1, 01a", "0, 1"})
    void ordersBuildTagsAsPipDoes(String smaller, String larger) {
        BuildTag a = BuildTag.tryParse(smaller).orElseThrow();
        BuildTag b = BuildTag.tryParse(larger).orElseThrow();
        assertTrue(a.compareTo(b) < 0, a + " < " + b);
        assertTrue(b.compareTo(a) > 0, b + " > " + a);
    }

    @Test
    void ordersAbsentBuildTagBeforeAnyOther() {
        List<Optional<BuildTag>> expected = List.of(Optional.empty(), BuildTag.tryParse("0"), BuildTag.tryParse("1"),
                BuildTag.tryParse("1_a"), BuildTag.tryParse("2"), BuildTag.tryParse("10"));
        List<Optional<BuildTag>> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(427));
        shuffled.sort(BuildTag.ORDER_ABSENT_FIRST);
        assertEquals(expected, shuffled);
    }

    @Test
    void comparesBuildSuffixesByCodePoint() {
        // U+FF21 sorts after U+1F600 by UTF-16 unit but before it by code point, as Python compares.
        BuildTag fullwidth = new BuildTag(1, "\uFF21");
        BuildTag emoji = new BuildTag(1, "\uD83D\uDE00");
        assertTrue(fullwidth.compareTo(emoji) < 0);
    }

    @ParameterizedTest
    @CsvSource({"abc", "_1", "''", "99999999999"})
    void refusesBuildTagsWithoutLeadingDigitsOrTooLarge(String text) {
        assertEquals(Optional.empty(), BuildTag.tryParse(text));
    }

    @Test
    @Timeout(10)
    void refusesATagSetThatWouldExpandToMillionsOfTagsBeforeExpandingIt() {
        // 2000 × 2000 × 2000 tags: packaging (and pylayer before the bound) spends minutes and gigabytes on it.
        String tags = "p.".repeat(2000) + "p-" + "a.".repeat(2000) + "a-" + "x.".repeat(2000) + "x";
        InvalidWheelFilenameException error = assertThrows(InvalidWheelFilenameException.class,
                () -> WheelFilename.parse("foo-1.0-" + tags + ".whl"));
        assertTrue(error.getMessage().endsWith("is not a compressed tag set"), error.getMessage());
        String many = "cp36.cp37.cp38.cp39.cp310.cp311.cp312.cp313-abi3.none-manylinux_2_17_x86_64.manylinux2014_x86_64"
                + ".manylinux_2_28_x86_64.musllinux_1_1_x86_64.musllinux_1_2_x86_64";
        assertEquals(8 * 2 * 5, WheelFilename.parse("foo-1.0-" + many + ".whl").tags().size());
    }
}
