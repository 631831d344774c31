package dev.pylayer.resolve;

import static dev.pylayer.testdata.wheels.WheelBuilder.wheel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the index says about files (PEP 592 yanked, PEP 503/691 {@code data-requires-python}, the JSON API's
 * {@code requires_python}), pre-releases and markers for targets other than the machine pip runs on: the cases a
 * folder of wheels cannot express, so they are checked here against pip's rules rather than against pip itself.
 */
class CandidateSelectionTest {
    @AutoClose
    final IndexWorld world = new IndexWorld();

    private String versionOf(IndexWorld.Flavour flavour, String requirement, String project) {
        return world.resolve(flavour, IndexWorld.PY311, IndexWorld.request(requirement)).versions().get(project);
    }

    @ParameterizedTest
    @EnumSource(IndexWorld.Flavour.class)
    void skipsYankedReleases(IndexWorld.Flavour flavour) {
        world.add(wheel("a", "1.0"));
        world.addOne(wheel("a", "2.0")).yanked("broken");
        assertEquals("1.0", versionOf(flavour, "a", "a"));
        assertEquals("1.0", versionOf(flavour, "a>=1", "a"));
    }

    @ParameterizedTest
    @EnumSource(IndexWorld.Flavour.class)
    void choosesAYankedReleaseWhenPinnedAndEveryMatchIsYanked(IndexWorld.Flavour flavour) {
        world.add(wheel("a", "1.0"));
        world.addOne(wheel("a", "2.0")).yanked("broken");
        IndexWorld.Outcome outcome = world.resolve(flavour, IndexWorld.PY311, IndexWorld.request("a==2.0"));
        assertEquals("2.0", outcome.versions().get("a"));
        // pip: "The candidate selected for download or install is a yanked version".
        assertTrue(outcome.warnings().stream().anyMatch(w -> w.contains("yanked") && w.contains("broken")),
                outcome.warnings().toString());
        assertEquals("2.0", versionOf(flavour, "a===2.0", "a"));
    }

    @Test
    void prefersTheUnyankedFileOfARelease() {
        world.addOne(wheel("a", "1.0").tag("cp311-cp311-manylinux_2_17_x86_64")).yanked();
        world.add(wheel("a", "1.0"));
        assertEquals("a-1.0-py3-none-any.whl", world.resolve("a==1.0").filename("a"));
    }

    @Test
    void doesNotChooseAYankedReleaseForARange() {
        world.add(wheel("a", "1.0"));
        world.addOne(wheel("a", "2.0")).yanked("broken");
        ResolutionException.NoMatchingDistribution error = assertThrows(ResolutionException.NoMatchingDistribution.class,
                () -> world.resolve("a>=2"));
        assertTrue(error.getMessage().contains("a 2.0 was yanked from the index: broken"), error.getMessage());
        assertTrue(error.hints().stream().anyMatch(h -> h.contains("`a==2.0`")), error.hints().toString());
    }

    @ParameterizedTest
    @EnumSource(IndexWorld.Flavour.class)
    void honoursRequiresPythonFromTheIndexWithoutReadingTheMetadata(IndexWorld.Flavour flavour) {
        world.add(wheel("a", "1.0"));
        // The wheel's METADATA says nothing; only the index's listing does (data-requires-python / requires_python).
        world.addOne(wheel("a", "2.0")).requiresPython(">=3.12");
        assertEquals("1.0", versionOf(flavour, "a", "a"));
        assertEquals(0, world.index().requestsTo("/files/a-2.0-py3-none-any.whl.metadata")
                + world.index().requestsTo("/files/a-2.0-py3-none-any.whl"), "pip never looks inside such a release");
        assertEquals("2.0", world.resolve(flavour, IndexWorld.PY312, IndexWorld.request("a")).versions().get("a"));
    }

    @Test
    void ignoresAnInvalidRequiresPythonOnTheIndex() {
        world.addOne(wheel("a", "1.0")).requiresPython(">=3.x");
        assertEquals("1.0", world.resolve("a").versions().get("a"));
    }

    @Test
    void aReleaseWhoseIndexRequiresPythonExcludesTheRuntimeNamesTheRuntimeThatFits() {
        world.addOne(wheel("a", "2.0")).requiresPython(">=3.13");
        ResolutionException.NoMatchingDistribution error = assertThrows(ResolutionException.NoMatchingDistribution.class,
                () -> world.resolve("a"));
        assertTrue(error.getMessage().contains("a 2.0 requires Python >=3.13; python3.11 runs Python 3.11"),
                error.getMessage());
        assertTrue(error.hints().get(0).startsWith("use --runtime python3.13"), error.hints().toString());
    }

    /**
     * pip --python-version 3.9 checks Requires-Python against 3.9.0, and so does pylayer (Lambda moves a runtime's
     * patch release without notice). Twisted's `>=3.9.12` is met by every python3.9 Lambda has run for years, so
     * "python3.9 runs Python 3.9" read as a contradiction; the message says which release was judged and why
     * (found by bench/difftest.py).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            >=3.11.4              | a 2.0 requires Python >=3.11.4; pylayer judges python3.11 as Python 3.11.0
            >=3.9, !=3.11.0       | a 2.0 requires Python >=3.9, !=3.11.0; pylayer judges python3.11 as Python 3.11.0
            >=3.13                | a 2.0 requires Python >=3.13; python3.11 runs Python 3.11
            <3.11                 | a 2.0 requires Python <3.11; python3.11 runs Python 3.11
            """)
    void aRequiresPythonThatALaterPatchReleaseMeetsSaysThePatchReleaseWasJudged(String requiresPython,
            String expected) {
        world.addOne(wheel("a", "2.0")).requiresPython(requiresPython);
        ResolutionException.NoMatchingDistribution error = assertThrows(ResolutionException.NoMatchingDistribution.class,
                () -> world.resolve("a"));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
        boolean patch = expected.contains("3.11.0");
        assertEquals(patch, error.getMessage().contains("changes the patch release without notice"),
                error.getMessage());
    }

    @Test
    void aRequiresPythonOnlyInTheMetadataThatNothingSatisfiesIsAConflictWithThePython() {
        world.addOne(wheel("a", "2.0").requiresPython(">=3.12")).requiresPython(null);
        ResolutionException.DependencyConflict error = assertThrows(ResolutionException.DependencyConflict.class,
                () -> world.resolve("a"));
        assertTrue(error.getMessage().contains("python3.11 (Python 3.11)"), error.getMessage());
        assertTrue(error.getMessage().contains("a 2.0 requires Python>=3.12"), error.getMessage());
    }

    /**
     * A Requires-Python only the wheel's METADATA states (always so for `name @ URL`): pip says "Package 'a'
     * requires a different Python: 3.11.0 not in '>=3.12'". The message names the release in backticks and the
     * hint the runtimes whose Python every such release accepts (found by bench/difftest.py: the hint was "use a
     * --runtime whose Python the releases support").
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            >=3.12        | use --runtime python3.12 (Amazon Linux 2023, glibc 2.34)
            >=3.9,<3.11   | use --runtime python3.10 (Amazon Linux 2, glibc 2.26)
            >=4           | pin releases that support Python 3.11
            """)
    void aRequiresPythonOnlyInTheMetadataNamesTheReleaseAndTheRuntimesThatFit(String requiresPython, String hint) {
        world.addOne(wheel("a", "2.0").requiresPython(requiresPython)).requiresPython(null);
        for (String requirement : List.of("a", "a @ " + world.index().fileUrl("a-2.0-py3-none-any.whl"))) {
            ResolutionException.DependencyConflict error = assertThrows(ResolutionException.DependencyConflict.class,
                    () -> world.resolve(requirement));
            assertTrue(error.getMessage().startsWith("`a 2.0` needs another Python than python3.11 (Python 3.11)"),
                    error.getMessage());
            assertTrue(error.hints().get(0).startsWith(hint), error.hints().toString());
        }
    }

    @ParameterizedTest(name = "{0}/{1}: {2}")
    @CsvSource({
            "PYTHON_3_11, X86_64, pkg,       'linuxdep,newdep,pkg,x86dep'",
            "PYTHON_3_11, ARM64,  pkg,       'armdep,linuxdep,newdep,pkg'",
            "PYTHON_3_10, X86_64, pkg,       'linuxdep,olddep,pkg,x86dep'",
            "PYTHON_3_9,  ARM64,  pkg,       'armdep,linuxdep,olddep,pkg'",
            "PYTHON_3_13, X86_64, pkg[more], 'extradep,linuxdep,newdep,pkg,x86dep'",
    })
    void evaluatesMarkersForTheTarget(LambdaRuntime runtime, Architecture arch, String requirement, String expected) {
        PipScenarios.markersWorld().forEach(world::add);
        IndexWorld.Outcome outcome = world.resolve(new LambdaTarget(runtime, arch), requirement);
        assertEquals(String.join(",", outcome.versions().keySet()), expected);
    }

    @Test
    void aRootRequirementWhoseMarkerExcludesTheTargetIsLeftOut() {
        world.add(wheel("a", "1.0"), wheel("b", "1.0"));
        IndexWorld.Outcome outcome = world.resolve(IndexWorld.PY311_ARM, "a; platform_machine == 'x86_64'", "b");
        assertEquals(Map.of("b", "1.0"), outcome.versions());
    }

    @Test
    void recordsWhoRequiredEachPackage() {
        world.add(wheel("a", "1.0").requiresDist("c"), wheel("b", "1.0").requiresDist("c"), wheel("c", "1.0"));
        IndexWorld.Outcome outcome = world.resolve("a", "b");
        assertTrue(outcome.get("a").requested());
        assertTrue(!outcome.get("c").requested());
        assertEquals(java.util.Set.of("a", "b"), outcome.get("c").requiredBy());
        assertTrue(outcome.get("a").requiredBy().contains(null), "null stands for the user");
        assertEquals(List.of("a", "b", "c"), outcome.resolution().packages().stream()
                .map(p -> p.name().normalized()).toList(), "sorted by name");
    }
}
