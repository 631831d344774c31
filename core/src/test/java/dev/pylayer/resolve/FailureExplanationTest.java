package dev.pylayer.resolve;

import static dev.pylayer.testdata.wheels.WheelBuilder.wheel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When nothing fits, the error says why in the user's terms, and what to do about it. */
class FailureExplanationTest {
    @AutoClose
    final IndexWorld world = new IndexWorld();

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "expected `" + part + "` in:\n" + text);
        }
    }

    /**
     * Each row: the tags of the wheels of {@code a 1.0} ({@code |} between wheels), the runtime, what the message
     * must say ({@code |} between parts) and how the first hint must start.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = ';', value = {
            "cp38-abi3-manylinux_2_28_x86_64; python3.11; "
                    + "a 1.0 ships only wheels that need glibc 2.28 or newer (manylinux_2_28_x86_64)"
                    + "|python3.11 runs on Amazon Linux 2 with glibc 2.26; use --runtime python3.12 (Amazon Linux 2023, glibc 2.34)",
            "cp311-cp311-manylinux_2_28_x86_64|cp312-cp312-manylinux_2_28_x86_64; python3.11; "
                    + "need glibc 2.28|with glibc 2.26; use --runtime python3.12",
            "cp311-cp311-manylinux_2_34_x86_64; python3.11; need glibc 2.34|with glibc 2.26; "
                    + "pin a release of a that ships wheels for python3.11/x86_64",
            "cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64; python3.11; "
                    + "ships only wheels for Linux with glibc 2.17 or newer on aarch64"
                    + "|needs a manylinux wheel for x86_64; use --arch arm64",
            "cp312-cp312-manylinux_2_17_x86_64|cp313-cp313-manylinux_2_17_x86_64; python3.11; "
                    + "ships wheels only for other Pythons (cp312, cp313)|python3.11 is CPython 3.11 (cp311); "
                    + "use --runtime python3.12",
            "cp311-cp311-musllinux_1_2_x86_64; python3.11; musl libc 1.2 (Alpine-style Linux) on x86_64; "
                    + "pin a release of a that ships wheels",
            "cp311-cp311-macosx_11_0_arm64|cp311-cp311-macosx_10_9_x86_64; python3.11; macOS; pin a release of a",
            "cp311-cp311-win_amd64; python3.11; Windows; pin a release of a",
            "cp311-cp311-linux_x86_64; python3.11; `linux_x86_64`, not manylinux; pin a release of a",
            "cp313-cp313t-manylinux_2_17_x86_64; python3.13; ships wheels only for other CPython ABIs (cp313t); "
                    + "pin a release of a",
    })
    void explainsWhyNoWheelLoadsOnTheTarget(String tags, String runtime, String messageParts, String hint) {
        for (String tag : tags.split("\\|")) {
            world.add(wheel("a", "1.0").tag(tag));
        }
        LambdaTarget target = new LambdaTarget(LambdaRuntime.of(runtime), dev.pylayer.runtime.Architecture.X86_64);
        ResolutionException.NoMatchingDistribution error = assertThrows(ResolutionException.NoMatchingDistribution.class,
                () -> world.resolve(target, "a"));
        assertEquals("a", error.project());
        assertContains(error.getMessage(), "no version of `a` can be installed for " + target.describe(),
                "(you asked for `a`)", "looked at 1 release matching `a` (1.0)");
        assertContains(error.getMessage(), messageParts.split("\\|"));
        assertTrue(error.hints().get(0).startsWith(hint), error.hints().toString());
    }

    @Test
    void saysThatPylayerNeverBuildsFromSource() {
        world.index().addSdist("a", "1.0", "source".getBytes(StandardCharsets.UTF_8));
        world.add(wheel("b", "1.0").requiresDist("a"));
        ResolutionException.NoMatchingDistribution error = assertThrows(ResolutionException.NoMatchingDistribution.class,
                () -> world.resolve("b"));
        assertContains(error.getMessage(), "b 1.0 depends on `a`", "a 1.0 ships only a source distribution (a-1.0.tar.gz)",
                "pylayer installs wheels only and never builds from source");
        assertContains(error.hints().get(0), "--find-links");
    }

    @Test
    void namesAProjectTheIndexDoesNotHave() {
        world.add(wheel("a", "1.0").requiresDist("nope>=1"));
        ResolutionException.NoMatchingDistribution error = assertThrows(ResolutionException.NoMatchingDistribution.class,
                () -> world.resolve("a"));
        assertEquals("nope", error.project());
        assertContains(error.getMessage(), "`nope` was not found on " + world.index().jsonApiUrl(),
                "a 1.0 depends on `nope>=1`");
        assertContains(error.hints().toString(), "spelling", "--extra-index-url");
    }

    @Test
    void listsTheReleasesWhenNoneMatchTheSpecifier() {
        world.add(wheel("a", "1.0"), wheel("a", "2.0"));
        ResolutionException.NoMatchingDistribution error = assertThrows(ResolutionException.NoMatchingDistribution.class,
                () -> world.resolve("a>=3"));
        assertContains(error.getMessage(), "no release matches `a>=3`; the index has 2.0, 1.0");
        assertEquals(List.of("relax the version requirement"), error.hints());
    }

    @Test
    void namesTheConstraintThatLeavesNothing() {
        world.add(wheel("a", "1.0"), wheel("a", "2.0"));
        ResolutionException.NoMatchingDistribution error = assertThrows(ResolutionException.NoMatchingDistribution.class,
                () -> world.resolve(IndexWorld.withConstraints(List.of("a<2"), "a>=2")));
        assertContains(error.getMessage(), "(you asked for `a>=2`; the constraints allow only `a<2`)",
                "no release matches `a<2,>=2`");
    }

    @Test
    void pointsAtTheNewestReleaseThatWouldInstall() {
        world.add(wheel("a", "1.0"), wheel("a", "2.0").tag("cp312-cp312-manylinux_2_17_x86_64"));
        ResolutionException.NoMatchingDistribution error = assertThrows(ResolutionException.NoMatchingDistribution.class,
                () -> world.resolve("a==2.0"));
        assertContains(error.hints().toString(), "`a==1.0` is the newest release with a wheel for python3.11/x86_64");
    }

    @Test
    void aConflictNamesBothSides() {
        world.add(wheel("a", "1.0"), wheel("a", "2.0"), wheel("b", "1.0").requiresDist("a>=2"));
        ResolutionException.DependencyConflict error = assertThrows(ResolutionException.DependencyConflict.class,
                () -> world.resolve("a==1.0", "b"));
        assertContains(error.getMessage(), "`a`", "you asked for `a==1.0`", "b 1.0 depends on `a>=2`");
    }

    @Test
    void aConflictBetweenTwoDependenciesNamesBothParents() {
        world.add(wheel("x", "1.0").requiresDist("shared<2"), wheel("y", "1.0").requiresDist("shared>=2"),
                wheel("shared", "1.0"), wheel("shared", "2.0"));
        ResolutionException.DependencyConflict error = assertThrows(ResolutionException.DependencyConflict.class,
                () -> world.resolve("x", "y"));
        assertContains(error.getMessage(), "conflicting requirements on `shared`", "x 1.0 depends on `shared<2`",
                "y 1.0 depends on `shared>=2`");
    }

    @Test
    void skipsAReleaseWhoseMetadataDisagreesWithItsFileName() {
        world.add(wheel("a", "1.0"));
        WheelBuilder impostor = wheel("b", "2.0");
        world.index().addFile("a", "2.0", "a-2.0-py3-none-any.whl", impostor.toBytes(), impostor.metadata());
        IndexWorld.Outcome outcome = world.resolve("a");
        assertEquals(Map.of("a", "1.0"), outcome.versions());
        assertTrue(outcome.warnings().stream().anyMatch(w -> w.contains("a-2.0-py3-none-any.whl says it is b 2.0")),
                outcome.warnings().toString());
    }

    @Test
    void whenTheOnlyReleaseIsSkippedTheErrorSaysWhy() {
        WheelBuilder impostor = wheel("b", "2.0");
        world.index().addFile("a", "2.0", "a-2.0-py3-none-any.whl", impostor.toBytes(), impostor.metadata());
        ResolutionException.NoMatchingDistribution error = assertThrows(ResolutionException.NoMatchingDistribution.class,
                () -> world.resolve("a"));
        assertContains(error.getMessage(), "a 2.0 was skipped: a-2.0-py3-none-any.whl says it is b 2.0 in its METADATA");
    }

    @Test
    void skipsAReleaseWithInvalidMetadata() {
        world.add(wheel("a", "1.0"), wheel("a", "2.0").requiresDist("b >= = 1"));
        IndexWorld.Outcome outcome = world.resolve("a");
        assertEquals(Map.of("a", "1.0"), outcome.versions());
        assertTrue(outcome.warnings().stream().anyMatch(w -> w.startsWith("skipping a 2.0: its metadata is invalid: ")),
                outcome.warnings().toString());
    }

    @Test
    void warnsAboutAnExtraTheProjectDoesNotProvide() {
        world.add(wheel("web", "1.0").providesExtra("server").requiresDist("uv; extra == 'server'"), wheel("uv", "1.0"));
        IndexWorld.Outcome outcome = world.resolve("web[nope]");
        assertEquals(Map.of("web", "1.0"), outcome.versions());
        assertEquals(List.of("web 1.0 does not provide the extra 'nope'"), outcome.warnings());
    }

    @Test
    void hashCheckingModeListsTheDependenciesWithoutAHash() {
        String aHash = world.addOne(wheel("a", "1.0").requiresDist("b", "c")).sha256();
        String bHash = world.addOne(wheel("b", "1.0")).sha256();
        String cHash = world.addOne(wheel("c", "1.0")).sha256();
        ResolutionException.HashesRequired error = assertThrows(ResolutionException.HashesRequired.class,
                () -> world.resolve(IndexWorld.hashChecking(Map.of("a", Set.of("sha256:" + aHash)), "a==1.0")));
        assertContains(error.getMessage(), "2 of the distributions", "b==1.0 --hash=sha256:" + bHash,
                "c==1.0 --hash=sha256:" + cHash);
        assertTrue(!error.getMessage().contains("a==1.0"), error.getMessage());

        IndexWorld.Outcome outcome = world.resolve(IndexWorld.hashChecking(Map.of("a", Set.of("sha256:" + aHash),
                "b", Set.of("sha256:" + bHash), "c", Set.of("sha256:" + cHash)), "a==1.0"));
        assertEquals(Set.of("sha256:" + bHash), outcome.get("b").allowedHashes());
    }

    @Test
    void aHashPicksItsFileAmongTheFilesOfARelease() {
        world.add(wheel("a", "1.0").tag("cp311-cp311-manylinux_2_17_x86_64"));
        String pure = world.addOne(wheel("a", "1.0")).sha256();
        IndexWorld.Outcome outcome = world.resolve(IndexWorld.hashChecking(Map.of("a", Set.of("sha256:" + pure)),
                "a==1.0"));
        assertEquals("a-1.0-py3-none-any.whl", outcome.filename("a"), "pip sorts files with an allowed hash first");
    }
}
