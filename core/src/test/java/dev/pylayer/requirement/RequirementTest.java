package dev.pylayer.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.name.PackageName;
import dev.pylayer.testdata.tables.ExpectationTables;
import dev.pylayer.version.SpecifierSet;
import dev.pylayer.version.Version;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RequirementTest {

    static Stream<Arguments> valid() {
        return ExpectationTables.rows(RequirementTest.class, "requirements-valid.csv").stream()
                .map(row -> Arguments.of((Object[]) row));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("valid")
    void readsWhatPackagingReads(String input, String name, String extras, String url, String specifier,
            String marker, String printed) {
        Requirement requirement = Requirement.parse(input);
        assertEquals(name, requirement.name().display());
        assertEquals(extras.isEmpty() ? List.of() : Arrays.asList(extras.split(",")),
                List.copyOf(requirement.extras()));
        assertEquals(url, requirement.url().orElse("None"));
        assertEquals(specifier, requirement.specifier().toString());
        assertEquals(marker, requirement.marker().map(Marker::toString).orElse("None"));
        assertEquals(printed, requirement.toString());
        Requirement reparsed = Requirement.parse(printed);
        assertEquals(requirement, reparsed);
        assertEquals(requirement.hashCode(), reparsed.hashCode());
    }

    static Stream<Arguments> invalid() {
        return ExpectationTables.rows(RequirementTest.class, "requirements-invalid.csv").stream()
                .map(row -> Arguments.of((Object[]) row));
    }

    @ParameterizedTest(name = "[{0}] → {1} at {2}-{3}")
    @MethodSource("invalid")
    void refusesWhatPackagingRefusesAtTheSamePlace(String input, String reason, String start, String end) {
        InvalidRequirementException error = assertThrows(InvalidRequirementException.class,
                () -> Requirement.parse(input));
        assertTrue(error.getMessage().startsWith("`" + input + "` is not a valid requirement: "), error.getMessage());
        assertFalse(error.hints().isEmpty());
        assertEquals(input, error.input());
        if (reason.equals("PYTHON_STRING")) {
            // packaging lets Python's SyntaxError escape for a malformed quoted string; ours is typed.
            assertTrue(error.reason().startsWith("Invalid quoted string"), error.reason());
            return;
        }
        assertEquals(reason, error.reason());
        assertEquals(Integer.parseInt(start), error.start());
        assertEquals(Integer.parseInt(end), error.position());
        String caret = " ".repeat(error.start()) + "~".repeat(error.position() - error.start()) + "^";
        assertTrue(error.getMessage().endsWith("\n    " + input + "\n    " + caret), error.getMessage());
    }

    @ParameterizedTest(name = "[{0}] hint mentions [{1}]")
    @CsvSource(delimiter = '|', value = {
            "name=1.0|`==`",
            "-e .|requirements file",
            "black (>=20.*)|`==1.4.*`",
            "name >= 1.0+cpu|`==1.0+cpu`",
            "name[a b]|commas",
            "name @ https://example.com/; extra == 'x'|space between the URL",
            "name; python_version >= 3.8|values are quoted",
            "./pkg/foo.whl|name @ https://"})
    void hintsAtTheFix(String input, String hint) {
        InvalidRequirementException error = assertThrows(InvalidRequirementException.class,
                () -> Requirement.parse(input));
        assertTrue(error.hints().stream().anyMatch(h -> h.contains(hint)), error.hints().toString());
    }

    @Test
    void refusesANameNoIndexCanHold() {
        // packaging reads `foo_` as a name (its identifier rule ends at a word boundary); no project has it.
        InvalidRequirementException error = assertThrows(InvalidRequirementException.class,
                () -> Requirement.parse("foo_>=1"));
        assertTrue(error.getMessage().contains("`foo_` is not a valid project name"), error.getMessage());
    }

    @ParameterizedTest(name = "[{0}] == [{1}]")
    @CsvSource(delimiter = '|', value = {
            "packaging>20.1|packaging>20.1",
            "requests[security, tests]>=2.8.1,==2.8.*;python_version<\"2.7\""
                    + "|requests [security,tests] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"",
            "importlib-metadata; python_version<\"3.8\"|importlib-metadata; python_version<'3.8'",
            "appdirs>=1.4.4,<2; os_name==\"posix\" and extra==\"testing\""
                    + "|appdirs>=1.4.4,<2; os_name == 'posix' and extra == 'testing'",
            "scikit-learn==1.0.1|scikit_learn==1.0.1",
            "foo[Bar_Baz]|foo[bar-baz]"})
    void equalRequirementsHaveEqualHashes(String a, String b) {
        assertEquals(Requirement.parse(a), Requirement.parse(b));
        assertEquals(Requirement.parse(a).hashCode(), Requirement.parse(b).hashCode());
    }

    @ParameterizedTest(name = "[{0}] != [{1}]")
    @CsvSource(delimiter = '|', value = {
            "package_one|package_two",
            "packaging>20.1|packaging>=20.1",
            "packaging>20.1|packaging>21.1",
            "packaging>20.1|package>20.1",
            "requests[security,tests]>=2.8.1,==2.8.*;python_version<\"2.7\""
                    + "|requests [security,tests] >= 2.8.1 ; python_version < \"2.7\"",
            "importlib-metadata; python_version<\"3.8\"|importlib-metadata; python_version<'3.7'",
            "appdirs>=1.4.4,<2; os_name==\"posix\" and extra==\"testing\""
                    + "|appdirs>=1.4.4,<2; os_name == 'posix' and extra == 'docs'",
            "foo @ https://a/foo.whl|foo @ https://b/foo.whl"})
    void differentRequirementsDiffer(String a, String b) {
        assertNotEquals(Requirement.parse(a), Requirement.parse(b));
    }

    @Test
    void exposesItsParts() {
        Requirement requirement = Requirement.parse("Foo.Bar[Security, Dev_Tools] (>=1.0, <2) ; os_name == 'posix'");
        assertEquals(PackageName.of("foo-bar"), requirement.name());
        assertEquals(List.of("dev-tools", "security"), List.copyOf(requirement.extras()));
        assertEquals(SpecifierSet.parse("<2,>=1.0"), requirement.specifier());
        assertTrue(requirement.specifier().contains(Version.parse("1.5")));
        assertTrue(requirement.url().isEmpty());
        assertEquals("os_name == \"posix\"", requirement.marker().orElseThrow().toString());
        assertEquals("Foo.Bar[Dev_Tools,Security]<2,>=1.0; os_name == \"posix\"", requirement.toString());

        Requirement bare = Requirement.parse("foo");
        assertEquals(SpecifierSet.any(), bare.specifier());
        assertTrue(bare.extras().isEmpty());
        assertTrue(bare.marker().isEmpty());
    }

    @ParameterizedTest(name = "[{0}] with extras [{1}] → {2}")
    @CsvSource(delimiter = '|', value = {
            // pip's iter_dependencies: no marker always applies; without extras, extra == ""; else any extra.
            "foo|''|true",
            "foo|test|true",
            "foo; extra == 'test'|''|false",
            "foo; extra == 'test'|test|true",
            "foo; extra == 'test'|Test|true",
            "foo; extra == 'test'|dev,test|true",
            "foo; extra == 'test'|dev|false",
            "foo; extra == 'Dev_Tools'|dev-tools|true",
            "foo; (extra == 'Dev_Tools')|dev-tools|false",
            "foo; extra != 'test'|''|true",
            "foo; extra != 'test'|test|false",
            "foo; extra != 'test'|test,dev|true",
            "foo; sys_platform == 'win32'|''|false",
            "foo; sys_platform == 'linux' and python_version >= '3.9'|''|true",
            "foo; sys_platform == 'linux' and extra == 'test'|test|true",
            "foo; platform_machine == 'aarch64' and extra == 'test'|test|false"})
    void appliesAsPipDecidesForADistributionsDependencies(String input, String extras, boolean applies) {
        Set<String> requested = extras.isEmpty() ? Set.of() : Set.of(extras.split(","));
        assertEquals(applies, Requirement.parse(input).appliesTo(Environments.lambda312(), requested));
    }

    @Test
    void stopsAtTheFirstExtraThatApplies() {
        // pip's any(): once one extra makes the marker true, the rest are not evaluated.
        Requirement requirement = Requirement.parse("foo; extra == 'a' or os_name ~= 'x'");
        assertThrows(MarkerEvaluationException.class,
                () -> requirement.appliesTo(Environments.lambda312(), List.of("b")));
        assertThrows(MarkerEvaluationException.class,
                () -> requirement.appliesTo(Environments.lambda312(), List.of("a")));
    }

    @Test
    void acceptsATrailingNewlineAsPythonsEndOfInput() {
        assertEquals("foo>=1.0", Requirement.parse("foo>=1.0\n").toString());
        assertThrows(InvalidRequirementException.class, () -> Requirement.parse("foo>=1.0\n\n"));
    }
}
