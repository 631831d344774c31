package dev.pylayer.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.testdata.tables.ExpectationTables;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkerTest {
    // packaging's tests/test_markers.py: every variable (and the PEP 345 and setuptools spellings) with every
    // operator and a range of values parses, on either side.
    private static final List<String> VARIABLES = List.of("extra", "implementation_name", "implementation_version",
            "os_name", "platform_machine", "platform_release", "platform_system", "platform_version",
            "python_full_version", "python_version", "platform_python_implementation", "sys_platform", "os.name",
            "sys.platform", "platform.version", "platform.machine", "platform.python_implementation",
            "python_implementation");
    private static final List<String> OPERATORS = List.of("===", "==", ">=", "<=", "!=", "~=", ">", "<", "in", "not in");
    private static final List<String> VALUES = List.of("1.0", "5.6a0", "dog", "freebsd",
            "literally any string can go here", "things @#4 dsfd (((");

    static Stream<String> validMarkers() {
        List<String> markers = new ArrayList<>();
        for (String variable : VARIABLES) {
            for (String operator : OPERATORS) {
                for (String value : VALUES) {
                    markers.add(variable + " " + operator + " '" + value + "'");
                    markers.add("'" + value + "' " + operator + " " + variable);
                }
            }
        }
        return markers.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validMarkers")
    void parsesEveryVariableOperatorAndValue(String marker) {
        Marker parsed = Marker.parse(marker);
        assertEquals(parsed, Marker.parse(parsed.toString()), "printing round-trips");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"this_isnt_a_real_variable >= '1.0'", "python_version", "(python_version)",
            "python_version >= 1.0 and (python_version)", "(python_version == \"2.7\" and os_name == \"linux\"",
            "(python_version == \"2.7\") with random text", "", "os_name == 'a' &&  os_name == 'b'",
            "os_name == 'a' AND os_name == 'b'", "os_name = 'a'", "os_name == 'a\\x4'", "os_name == 'a\\'",
            "'3.7' notin python_version", "os_name == 'a' or"})
    void refusesWhatPackagingRefuses(String marker) {
        InvalidMarkerException error = assertThrows(InvalidMarkerException.class, () -> Marker.parse(marker));
        assertTrue(error.getMessage().startsWith("`" + marker + "` is not a valid environment marker: "),
                error.getMessage());
        assertTrue(error.getMessage().contains("\n    " + marker + "\n    "), "shows the marker with a caret");
        assertFalse(error.hints().isEmpty());
    }

    static Stream<Arguments> printing() {
        return ExpectationTables.rows(MarkerTest.class, "markers-format.csv").stream()
                .map(row -> Arguments.of(row[0], row[1]));
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @MethodSource("printing")
    void printsAsPackagingDoes(String marker, String printed) {
        Marker parsed = Marker.parse(marker);
        // Not always a round trip, as in packaging: a nested extra is printed unnormalized, quotes unescaped.
        assertEquals(printed, parsed.toString());
        assertEquals(parsed, Marker.parse(marker));
        assertEquals(parsed.hashCode(), Marker.parse(marker).hashCode());
    }

    @ParameterizedTest(name = "[{0}] != [{1}]")
    @CsvSource(delimiter = '|', value = {
            "python_version == \"2.7\"|python_version == \"3.7\"",
            "python_version == \"2.7\"|python_version == \"2.7\" and os_name == \"linux\"",
            "python_version == \"2.7\" and (os_name == \"linux\" or sys_platform == \"win32\")"
                    + "|python_version == \"2.7\" and os_name == \"linux\" or sys_platform == \"win32\""})
    void distinguishesDifferentMarkers(String a, String b) {
        assertNotEquals(Marker.parse(a), Marker.parse(b));
    }

    static Stream<Arguments> evaluation() {
        return ExpectationTables.rows(MarkerTest.class, "markers-evaluation.csv").stream()
                .map(row -> Arguments.of(row[0], row[1], row[2], row[3]));
    }

    @ParameterizedTest(name = "[{0}] with [{1}] extra [{2}] → {3}")
    @MethodSource("evaluation")
    void evaluatesAsPackagingDoes(String marker, String overrides, String extra, String expected) {
        Marker parsed = Marker.parse(marker);
        MarkerEnvironment environment = Environments.with(overrides);
        if (expected.equals("ERROR")) {
            MarkerEvaluationException error = assertThrows(MarkerEvaluationException.class,
                    () -> parsed.evaluate(environment, extra));
            assertTrue(error.getMessage().contains("`" + parsed + "`"), error.getMessage());
            assertFalse(error.hints().isEmpty());
        } else {
            assertEquals(Boolean.parseBoolean(expected.toLowerCase()), parsed.evaluate(environment, extra));
        }
    }

    @Test
    void treatsNoExtraAsTheEmptyExtra() {
        Marker marker = Marker.parse("extra == ''");
        assertTrue(marker.evaluate(Environments.lambda312(), null));
        assertTrue(marker.evaluate(Environments.lambda312(), ""));
        assertFalse(marker.evaluate(Environments.lambda312(), "test"));
    }

    @Test
    void knowsWhetherItMentionsExtra() {
        assertTrue(Marker.parse("os_name == 'a' and (extra == 'b')").mentionsExtra());
        assertTrue(Marker.parse("'b' == extra").mentionsExtra());
        assertFalse(Marker.parse("os_name == 'extra'").mentionsExtra());
    }

    @Test
    void pointsAtTheOffendingPlace() {
        InvalidMarkerException error = assertThrows(InvalidMarkerException.class,
                () -> Marker.parse("os_name == 'a' or os_name ~ 'b'"));
        assertEquals("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in", error.reason());
        assertEquals(26, error.position());
        assertTrue(error.getMessage().endsWith("\n    os_name == 'a' or os_name ~ 'b'\n"
                + "                              ^"), error.getMessage());
    }
}
