package dev.pylayer.api;

import static dev.pylayer.testdata.wheels.WheelBuilder.wheel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.cache.ContentDigest;
import dev.pylayer.index.HashMismatchException;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.testdata.index.FakeIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build whose wheels, target and options are those of a layer in the cache takes that layer (Jib-style). */
class LayerReuseTest {
    @TempDir
    Path temp;
    @AutoClose
    final FakeIndex index = FakeIndex.start();
    Path out;

    @BeforeEach
    void start() throws IOException {
        out = Files.createDirectories(temp.resolve("out"));
        index.add(wheel("requests", "2.32.3").requiresDist("idna>=2", "certifi")
                .file("requests/__init__.py", "VERSION = '2.32.3'\n").file("requests/tests/test_x.py", "\n"));
        index.add(wheel("idna", "3.7").file("idna/__init__.py", "\n"));
        index.add(wheel("certifi", "2024.2.2").file("certifi/__init__.py", "\n").file("certifi/cacert.pem", "PEM\n"));
    }

    private LayerBuild build(List<BuildEvent> events) {
        return LayerBuild.forRuntime(LambdaRuntime.PYTHON_3_11).indexUrl(index.jsonApiUrl())
                .cacheDir(temp.resolve("cache")).require("requests").listener(events::add);
    }

    private static List<BuildEvent> events() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    private static boolean reused(List<BuildEvent> events) {
        return events.stream().anyMatch(e -> e instanceof BuildEvent.LayerReused);
    }

    private static boolean linked(List<BuildEvent> events) {
        return events.stream().anyMatch(e -> e instanceof BuildEvent.LayerReused reused && reused.linked());
    }

    private static List<BuildEvent.Phase> phases(List<BuildEvent> events) {
        return events.stream().filter(e -> e instanceof BuildEvent.PhaseStarted)
                .map(e -> ((BuildEvent.PhaseStarted) e).phase()).toList();
    }

    private List<Path> storedZips() throws IOException {
        Path layers = temp.resolve("cache").resolve("layers");
        if (!Files.isDirectory(layers)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(layers)) {
            return files.filter(f -> f.getFileName().toString().equals("layer.zip")).toList();
        }
    }

    @Test
    void theSameBuildAgainCopiesTheStoredLayerAndSaysTheSame() throws IOException {
        List<BuildEvent> firstEvents = events();
        BuildResult first = build(firstEvents).exclude("nothing/**", "certifi/*.pem").build(out.resolve("a.zip"));
        assertFalse(reused(firstEvents));
        assertEquals(1, storedZips().size());

        List<BuildEvent> secondEvents = events();
        BuildResult second = build(secondEvents).exclude("nothing/**", "certifi/*.pem").build(out.resolve("b.zip"));

        assertTrue(linked(secondEvents), "the stored layer is linked");
        assertTrue(Files.isSameFile(storedZips().get(0), out.resolve("b.zip")));
        assertEquals(List.of(BuildEvent.Phase.RESOLVING, BuildEvent.Phase.WRITING), phases(secondEvents),
                "no wheel is awaited or checked");
        assertArrayEquals(Files.readAllBytes(out.resolve("a.zip")), Files.readAllBytes(out.resolve("b.zip")));
        assertEquals(first.layer(), second.layer());
        assertEquals(first.packages(), second.packages());
        assertEquals(first.excluded(), second.excluded());
        assertEquals(first.warnings(), second.warnings());
        assertTrue(second.warnings().stream().anyMatch(w -> w.contains("`nothing/**` matched no file")),
                second.warnings().toString());
        assertEquals(1, second.excluded().files(), "certifi's cacert.pem");
        assertEquals(out.resolve("b.zip"), second.output());
    }

    @Test
    void anotherOptionOrRuntimeWritesTheLayerAgain() {
        build(events()).build(out.resolve("a.zip"));

        List<BuildEvent> slim = events();
        BuildResult slimmed = build(slim).slim(true).build(out.resolve("slim.zip"));
        assertFalse(reused(slim));
        assertTrue(slimmed.excluded().files() > 0, "requests/tests left out");

        List<BuildEvent> other = events();
        BuildResult python312 = build(other).runtime(LambdaRuntime.PYTHON_3_12).build(out.resolve("312.zip"));
        assertFalse(reused(other));
        assertNotEquals(slimmed.layer().sha256(), python312.layer().sha256());
    }

    @Test
    void rebuildingOnRequestWritesTheSameBytes() throws IOException {
        build(events()).build(out.resolve("a.zip"));
        List<BuildEvent> events = events();
        build(events).reuseLayers(false).build(out.resolve("b.zip"));
        assertFalse(reused(events));
        assertEquals(List.of(BuildEvent.Phase.RESOLVING, BuildEvent.Phase.DOWNLOADING, BuildEvent.Phase.WRITING),
                phases(events));
        assertArrayEquals(Files.readAllBytes(out.resolve("a.zip")), Files.readAllBytes(out.resolve("b.zip")));
    }

    @Test
    void aStoredLayerChangedOnDiskIsNotUsedButWrittenAgain() throws IOException {
        BuildResult first = build(events()).build(out.resolve("a.zip"));
        Path stored = storedZips().get(0);
        // The output may share the stored file (a hard link): replace the stored one without touching the output.
        Files.delete(stored);
        Files.writeString(stored, "not the layer");

        List<BuildEvent> events = events();
        BuildResult second = build(events).build(out.resolve("b.zip"));
        assertFalse(reused(events));
        assertEquals(first.layer().sha256(), second.layer().sha256());
        assertEquals(first.layer().sha256(), ContentDigest.sha256Hex(out.resolve("b.zip")));
        assertEquals(List.of("a.zip", "b.zip"), dev.pylayer.testdata.files.Folders.names(out), "no temporary left");
        assertEquals(first.layer().sha256(), ContentDigest.sha256Hex(storedZips().get(0)), "stored again, intact");

        List<BuildEvent> third = events();
        build(third).build(out.resolve("c.zip"));
        assertTrue(reused(third));
    }

    @Test
    void aStoredLayerWrittenToSinceIsCopiedWithItsDigestCheckedThenLinkedAgain() throws IOException {
        build(events()).build(out.resolve("a.zip"));
        Path stored = storedZips().get(0);
        // The same bytes, but written again (a tool that rewrote the output in place): its stamp moved.
        byte[] bytes = Files.readAllBytes(stored);
        Files.write(stored, bytes);
        Files.setLastModifiedTime(stored, java.nio.file.attribute.FileTime.fromMillis(1_000_000));

        List<BuildEvent> second = events();
        build(second).build(out.resolve("b.zip"));
        assertTrue(reused(second));
        assertFalse(linked(second), "copied, its digest checked");
        assertFalse(Files.isSameFile(stored, out.resolve("b.zip")));
        assertArrayEquals(bytes, Files.readAllBytes(out.resolve("b.zip")));

        List<BuildEvent> third = events();
        build(third).build(out.resolve("c.zip"));
        assertTrue(linked(third), "the check vouched for it again");
        assertEquals(List.of("a.zip", "b.zip", "c.zip"), dev.pylayer.testdata.files.Folders.names(out),
                "no temporary left");
    }

    @Test
    void anOutputThatIsTheStoredLayerAlreadyStaysAsItIs() throws IOException {
        build(events()).build(out.resolve("a.zip"));
        List<BuildEvent> second = events();
        BuildResult again = build(second).build(out.resolve("a.zip"));
        assertTrue(linked(second));
        assertTrue(Files.isSameFile(storedZips().get(0), out.resolve("a.zip")));
        assertEquals(again.layer().sha256(), ContentDigest.sha256Hex(out.resolve("a.zip")));
        assertEquals(List.of("a.zip"), dev.pylayer.testdata.files.Folders.names(out), "no temporary left");
    }

    @Test
    void aThrowawayCacheStoresNoLayer() throws IOException {
        build(events()).noCache(true).build(out.resolve("a.zip"));
        assertEquals(List.of(), storedZips());
    }

    @Test
    void aHashTheUserGaveIsCheckedEvenWhenTheLayerIsStored() throws IOException {
        Path good = Files.writeString(temp.resolve("good.txt"),
                "idna==3.7 --hash=sha256:" + index.files("idna").get(0).sha256() + "\n");
        Path bad = Files.writeString(temp.resolve("bad.txt"), "idna==3.7 --hash=sha256:" + "cd".repeat(32) + "\n");
        LayerBuild.forRuntime(LambdaRuntime.PYTHON_3_11).indexUrl(index.jsonApiUrl()).cacheDir(temp.resolve("cache"))
                .requirementsFile(good).build(out.resolve("a.zip"));
        assertEquals(1, storedZips().size());

        assertThrows(HashMismatchException.class, () -> LayerBuild.forRuntime(LambdaRuntime.PYTHON_3_11)
                .indexUrl(index.jsonApiUrl()).cacheDir(temp.resolve("cache")).requirementsFile(bad)
                .build(out.resolve("b.zip")));
        assertFalse(Files.exists(out.resolve("b.zip")));
    }

    @Test
    void aWheelWithoutAKnownDigestGivesNoKey() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("wheels"));
        wheel("local", "1.0").file("local/__init__.py", "\n").writeTo(folder);
        List<BuildEvent> first = events();
        LayerBuild local = LayerBuild.forRuntime(LambdaRuntime.PYTHON_3_11).noIndex(true)
                .findLinks(folder.toString()).cacheDir(temp.resolve("cache")).require("local").listener(first::add);
        local.build(out.resolve("a.zip"));
        local.build(out.resolve("b.zip"));
        assertFalse(reused(first));
        assertEquals(List.of(), storedZips());
    }

    /**
     * The layer format, pinned: the entries of a layer from fixed wheels (names, methods, modes, local times, CRCs
     * and sizes: what the plan and the writer decide, independent of the zlib that deflates). When this changes on
     * purpose, bump {@link LayerReuse#FORMAT}, so that layers stored in the old format are not reused, and update
     * the digest.
     */
    @Test
    void theLayerFormatIsPinnedToLayerReuseFormat() throws IOException {
        try (FakeIndex fixed = FakeIndex.start()) {
            fixed.add(wheel("demo", "1.0").requiresDist("dep").entryPoint("console_scripts", "demo", "demo:main")
                    .file("demo/__init__.py", "def main():\n    pass\n")
                    .storedFile("demo/_data.bin", new byte[] {0x7f, 1, 2, 3, 4, 5, 6, 7})
                    .file("demo/tests/test_demo.py", "\n"));
            fixed.add(wheel("dep", "2.0").file("dep/__init__.py", "X = 2\n").file("dep/py.typed", ""));
            BuildResult result = LayerBuild.forRuntime(LambdaRuntime.PYTHON_3_11).indexUrl(fixed.jsonApiUrl())
                    .noCache(true).require("demo").build(out.resolve("format.zip"));
            StringBuilder listing = new StringBuilder();
            try (ZipFile zip = ZipFile.builder().setPath(out.resolve("format.zip")).get()) {
                for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                    listing.append(entry.getName()).append(' ').append(entry.getMethod()).append(' ')
                            .append(Integer.toOctalString(entry.getUnixMode())).append(' ')
                            .append(java.time.LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(entry.getTime()),
                                    java.time.ZoneId.systemDefault())).append(' ').append(Long.toHexString(entry.getCrc())).append(' ')
                            .append(entry.getSize()).append('\n');
                }
            }
            assertEquals(1, LayerReuse.FORMAT);
            assertEquals(16, result.layer().files(), listing.toString());
            assertEquals("dff9381a4141f653cc2f4c852031f1a25e508f87ee4d57efd00ef4817106bd37", ContentDigest.sha256Hex(listing.toString().getBytes(StandardCharsets.UTF_8)),
                    "the layer's entries changed: if on purpose, bump LayerReuse.FORMAT and update this digest\n"
                            + listing);
        }
    }
}
