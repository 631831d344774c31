package dev.pylayer.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.pylayer.FuzzInputs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Requirements and markers: any text either parses (and then prints, compares and evaluates without surprises)
 * or fails with a {@link RequirementException} showing the text. Evaluation fails only with
 * {@link MarkerEvaluationException}. How to fuzz by hand: see {@code VersionFuzzTest}, with
 * {@code -Dtest='Pep508FuzzTest#requirements'} or {@code #markers}.
 */
class Pep508FuzzTest {
    static final List<String> FRAGMENTS = List.of("requests", "Foo_Bar", "zope.interface", "a", "[", "]", "security",
            ",", " ", "\t", "(", ")", ">=1.0", "==1.0.*", "~=2.2", "!=1.5", "<2", "===foo", ">=1.0+local", "=1.0",
            " @ ", "https://example.com/a-1.0-py3-none-any.whl", "file:///tmp/x.whl", ";", " ; ", " and ", " or ",
            "and", "python_version", "python_full_version", "os_name", "os.name", "sys_platform", "platform_release",
            "platform.python_implementation", "python_implementation", "implementation_version", "extra", "extras",
            "dependency_groups", "==", "!=", "<=", ">=", "<", ">", "~=", "===", " in ", " not in ", "not", "'3.8'",
            "\"3.11\"", "'linux'", "\"win32\"", "'Foo_Bar'", "'3.*'", "'a b'", "'\\x41'", "'\\N{LATIN SMALL LETTER A}'",
            "'\\u00e9'", "'\\'", "'", "\"", "\n");
    private static final MarkerEnvironment LAMBDA = new MarkerEnvironment("cpython", "3.12.0", "posix", "x86_64",
            "CPython", "5.10.227-219.884.amzn2.x86_64", "Linux", "#1 SMP", "3.12.0", "3.12", "linux");

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"python_version", "extra", "sys_platform", "os.name", " and ", " or ", " not in ", "===",
            "~=", " @ ", "; ", "[", "]", "'", "\"", ".*", "\\x", "\\N{"})
    void requirements(byte[] input) {
        checkRequirement(new String(input, StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"python_version", "python_full_version", "extra", "sys_platform", "platform_release",
            " and ", " or ", " not in ", " in ", "===", "~=", "(", ")", "'", "\"", "\\x", "\\N{"})
    void markers(byte[] input) {
        checkMarker(new String(input, StandardCharsets.UTF_8));
    }

    @Test
    void survivesGeneratedRequirements() {
        FuzzInputs.of(508, FRAGMENTS).feed(20_000, 10, Pep508FuzzTest::checkRequirement);
    }

    @Test
    void survivesGeneratedMarkers() {
        FuzzInputs.of(345, FRAGMENTS.subList(27, FRAGMENTS.size())).feed(20_000, 9, Pep508FuzzTest::checkMarker);
    }

    static void checkRequirement(String text) {
        Requirement requirement;
        try {
            requirement = Requirement.parse(text);
        } catch (InvalidRequirementException e) {
            assertTrue(e.getMessage().startsWith("`" + text + "` is not a valid requirement: "), e.getMessage());
            assertTrue(e.start() >= 0 && e.start() <= e.position() && e.position() <= text.length(),
                    e.start() + "-" + e.position());
            return;
        }
        assertEquals(requirement, requirement.withMarker(requirement.marker().orElse(null)));
        requirement.toString();
        try {
            requirement.appliesTo(LAMBDA, Set.of());
            requirement.appliesTo(LAMBDA, List.of("security", "Foo_Bar"));
        } catch (MarkerEvaluationException e) {
            assertTrue(e.getMessage().startsWith("cannot evaluate the marker `"), e.getMessage());
        }
    }

    static void checkMarker(String text) {
        Marker marker;
        try {
            marker = Marker.parse(text);
        } catch (InvalidMarkerException e) {
            assertTrue(e.getMessage().startsWith("`" + text + "` is not a valid environment marker: "), e.getMessage());
            return;
        }
        assertEquals(marker, Marker.parse(text));
        for (String extra : new String[] {null, "", "security"}) {
            try {
                marker.evaluate(LAMBDA, extra);
            } catch (MarkerEvaluationException e) {
                assertTrue(e.getMessage().startsWith("cannot evaluate the marker `"), e.getMessage());
            }
        }
    }
}
