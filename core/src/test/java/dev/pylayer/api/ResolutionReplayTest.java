package dev.pylayer.api;

import static dev.pylayer.testdata.wheels.WheelBuilder.wheel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.resolve.Resolution;
import dev.pylayer.resolve.ResolvedPackage;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.testdata.index.FakeIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same request finding every listing it read unchanged takes the last resolution instead of resolving. */
class ResolutionReplayTest {
    @TempDir
    Path temp;
    @AutoClose
    final FakeIndex index = FakeIndex.start();
    List<BuildEvent> events;

    @BeforeEach
    void start() {
        index.add(wheel("app", "1.0").requiresDist("lib>=1"));
        index.add(wheel("app", "2.0").requiresDist("lib>=1", "missing>=1"));
        index.add(wheel("lib", "1.0"));
        index.add(wheel("lib", "2.0"));
    }

    private LayerBuild build(String... requirements) {
        events = Collections.synchronizedList(new ArrayList<>());
        return LayerBuild.forRuntime(LambdaRuntime.PYTHON_3_11).indexUrl(index.jsonApiUrl())
                .cacheDir(temp.resolve("cache")).require(requirements).listener(events::add);
    }

    private boolean replayed() {
        return events.stream().anyMatch(e -> e instanceof BuildEvent.ResolutionReplayed);
    }

    private static Map<String, String> versions(Resolution resolution) {
        return resolution.packages().stream().collect(Collectors.toMap(p -> p.name().normalized(),
                p -> p.version().toString(), (a, b) -> a, TreeMap::new));
    }

    @Test
    void theSameRequestAgainTakesTheResolutionItMadeBefore() {
        Resolution first = build("app").resolve();
        assertFalse(replayed());
        assertEquals(Map.of("app", "1.0", "lib", "2.0"), versions(first), "app 2.0 needs a project no index has");

        Resolution second = build("app").resolve();
        assertTrue(replayed());
        assertEquals(first, second, "the same packages, files, hashes and who required them");
        assertEquals(2, events.stream().filter(e -> e instanceof BuildEvent.PackagePinned).count());
        ResolvedPackage lib = second.packages().get(1);
        assertEquals(Set.of("app"), lib.requiredBy());
    }

    @Test
    void aNewReleaseOfADependencyIsSeen() {
        build("app").resolve();
        index.add(wheel("lib", "3.0"));
        Resolution second = build("app").resolve();
        assertFalse(replayed());
        assertEquals("3.0", versions(second).get("lib"));

        Resolution third = build("app").resolve();
        assertTrue(replayed(), "remembered again with the new listing");
        assertEquals(second, third);
    }

    @Test
    void aListingTheResolverReadButDidNotChooseFromCountsToo() {
        build("app").resolve();
        // `missing` was read (empty) when app 2.0 was tried: now it exists, and app 2.0 is the answer.
        index.add(wheel("missing", "1.0"));
        Resolution second = build("app").resolve();
        assertFalse(replayed());
        assertEquals(Map.of("app", "2.0", "lib", "2.0", "missing", "1.0"), versions(second));
    }

    @Test
    void aYankedFileOrAnyOtherChangeToAListedFileCounts() {
        build("app").resolve();
        index.files("lib").stream().filter(f -> f.filename().startsWith("lib-2.0")).forEach(FakeIndex.File::yanked);
        Resolution second = build("app").resolve();
        assertFalse(replayed());
        assertEquals("1.0", versions(second).get("lib"), "pip skips a yanked release unless pinned with ==");
    }

    @Test
    void theResolversWarningsAreSaidAgain() throws IOException {
        index.files("lib").stream().filter(f -> f.filename().startsWith("lib-1.0")).forEach(f -> f.yanked("broken"));
        Path out = Files.createDirectories(temp.resolve("out"));
        BuildResult first = build("lib==1.0").build(out.resolve("a.zip"));
        assertTrue(first.warnings().stream().anyMatch(w -> w.contains("yanked")), first.warnings().toString());

        BuildResult second = build("lib==1.0").build(out.resolve("b.zip"));
        assertTrue(replayed());
        assertEquals(first.warnings(), second.warnings());
        assertEquals(first.packages(), second.packages());
    }

    @Test
    void aWheelWhoseDigestTheIndexDoesNotGiveIsNeverReplayed() {
        index.files("lib").forEach(FakeIndex.File::withoutHash);
        Resolution first = build("app").resolve();
        Resolution second = build("app").resolve();
        assertFalse(replayed(), "its METADATA could change under the same name");
        assertEquals(versions(first), versions(second));
    }

    @Test
    void anotherRequestOrRebuildResolvesAgain() {
        build("app").resolve();
        build("app", "lib<2").resolve();
        assertFalse(replayed());
        build("app").reuseLayers(false).resolve();
        assertFalse(replayed(), "--rebuild redoes everything");
        build("app").runtime(LambdaRuntime.PYTHON_3_12).resolve();
        assertFalse(replayed());
        build("app").resolve();
        assertTrue(replayed());
    }

    @Test
    void aDamagedOrForeignEntryReadsAsNone() {
        assertEquals(java.util.Optional.empty(), ResolutionReplay.decode("{\"listings\": []}".getBytes()));
        assertEquals(java.util.Optional.empty(), ResolutionReplay.decode("{\"listings\": {\"a\": \"x\"}, "
                .concat("\"packages\": [], \"warnings\": []}").getBytes()));
        ResolutionReplay.Stored stored = new ResolutionReplay.Stored(
                new TreeMap<>(Map.of(dev.pylayer.name.PackageName.of("a"), "ab".repeat(32))),
                List.of(new ResolutionReplay.StoredPackage("a", "1.0", "a-1.0-py3-none-any.whl", "https://x/a.whl",
                        true, Set.of("sha256:" + "cd".repeat(32)), new java.util.LinkedHashSet<>(
                                java.util.Arrays.asList(null, "b")))),
                List.of("a warning"));
        ResolutionReplay.Stored back = ResolutionReplay.decode(ResolutionReplay.encode(stored)).orElseThrow();
        assertEquals(stored.listings(), back.listings());
        assertEquals(stored.packages(), back.packages());
        assertEquals(stored.warnings(), back.warnings());
        assertNotEquals(stored.packages().get(0).requiredBy().iterator().next(), "b", "the user first, as stored");
    }
}
