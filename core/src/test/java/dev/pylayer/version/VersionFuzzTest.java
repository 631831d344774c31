package dev.pylayer.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pylayer.FuzzInputs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Versions and specifiers: any text either parses, and then prints to text that parses back to an equal value,
 * or fails with a {@link VersionException} that names it. Nothing else escapes.
 *
 * <p>Every build runs the seeds under {@code VersionFuzzTestInputs/} (Jazzer's regression mode) and a few
 * thousand generated inputs. To fuzz, one target per run:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl core -am test -Dtest='VersionFuzzTest#versions' -Dsurefire.failIfNoSpecifiedTests=false};
 * Jazzer saves an input that fails under {@code src/test/resources/…/VersionFuzzTestInputs/versions/}, where it
 * becomes a regression seed.
 */
class VersionFuzzTest {
    static final List<String> FRAGMENTS = List.of("1", "0", "2024", "07", "99999999999999999999", "9223372036854775808",
            ".", ".", "!", "v", "V", "a", "b", "c", "rc", "alpha", "beta", "pre", "preview", "post", "rev", "r", "dev",
            "-", "_", "+", "local", "ubuntu", ".*", "*", " ", "==", "!=", "~=", "===", ">=", "<=", "<", ">", ",",
            "\u00a0", "\t");
    private static final List<Version> CANDIDATES = List.of(Version.parse("0.9"), Version.parse("1.0a1"),
            Version.parse("1.0"), Version.parse("1.0.post1"), Version.parse("1.0+local"), Version.parse("1!2.0"),
            Version.parse("2.0.dev3"), Version.parse("99999999999999999999"));

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"rc", "post", "dev", "alpha", "beta", "preview", "!", ".*", "+", "99999999999999999999"})
    void versions(byte[] input) {
        checkVersion(new String(input, StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"===", "==", "!=", "~=", ">=", "<=", ".*", ",", "rc", "post", "dev", "+local", "1!"})
    void specifiers(byte[] input) {
        checkSpecifierSet(new String(input, StandardCharsets.UTF_8));
    }

    @Test
    void survivesGeneratedVersions() {
        FuzzInputs.of(440, FRAGMENTS).feed(20_000, 8, VersionFuzzTest::checkVersion);
    }

    @Test
    void survivesGeneratedSpecifierSets() {
        FuzzInputs.of(508, FRAGMENTS).feed(20_000, 10, VersionFuzzTest::checkSpecifierSet);
    }

    static void checkVersion(String text) {
        Version version;
        try {
            version = Version.parse(text);
        } catch (InvalidVersionException e) {
            assertTrue(e.getMessage().contains("`" + text + "`"), e.getMessage());
            return;
        }
        Version again = Version.parse(version.toString());
        assertEquals(version, again);
        assertEquals(version.hashCode(), again.hashCode());
        assertEquals(version.toString(), again.toString());
        assertEquals(0, version.compareTo(again));
        assertEquals(version.publicVersion(), Version.parse(version.publicVersion().toString()));
    }

    static void checkSpecifierSet(String text) {
        SpecifierSet set;
        try {
            set = SpecifierSet.parse(text);
        } catch (InvalidSpecifierException e) {
            assertTrue(e.getMessage().contains("`"), e.getMessage());
            return;
        }
        SpecifierSet again = SpecifierSet.parse(set.toString());
        assertEquals(set, again);
        assertEquals(set.hashCode(), again.hashCode());
        for (Version candidate : CANDIDATES) {
            set.contains(candidate);
            set.contains(candidate, false);
            for (Specifier specifier : set.specifiers()) {
                specifier.containsText(candidate.toString(), true);
            }
        }
        set.filter(CANDIDATES, v -> v, null);
    }
}
