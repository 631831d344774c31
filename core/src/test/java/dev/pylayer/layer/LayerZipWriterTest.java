package dev.pylayer.layer;

import static dev.pylayer.testdata.files.Folders.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.runtime.LambdaLimits;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.testdata.wheels.WheelBuilder;
import dev.pylayer.wheel.Record;
import dev.pylayer.wheel.RecordEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerZipWriterTest {
    static final LayerLayout LAYOUT = LayerLayout.forRuntime(LambdaRuntime.PYTHON_3_12);
    static final String SITE = "python/lib/python3.12/site-packages/";

    @TempDir
    Path dir;

    private Path demo() {
        return WheelBuilder.wheel("Demo", "1.0").requiresDist("dep>=1")
                .file("demo/__init__.py", "VALUE = 1\n")
                .file("demo/big.txt", "lorem ipsum ".repeat(2000))
                .storedFile("demo/_native.so", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0})
                .fileWithMode("demo/bin/helper", "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8), 0100755)
                .writeTo(dir.resolve("wheels"));
    }

    private Path dep() {
        return WheelBuilder.wheel("dep", "2.0").tag("cp312-cp312-manylinux_2_17_x86_64")
                .file("dep/__init__.py", "from ._impl import *\n").file("dep/_impl.py", "X = 2\n")
                .writeTo(dir.resolve("wheels"));
    }

    private LayerFacts write(Path output, List<LayerSource> sources) {
        return LayerZipWriter.create().write(LAYOUT, sources, output);
    }

    @Test
    void laysWheelsOutUnderSitePackagesWithFoldersAndGeneratedFiles() {
        Path output = dir.resolve("layer.zip");
        LayerFacts facts = write(output, List.of(LayerSource.of(demo(), true), LayerSource.of(dep(), false)));
        LayerZip zip = new LayerZip(output);
        assertEquals(List.of("python/", "python/lib/", "python/lib/python3.12/", SITE,
                SITE + "demo-1.0.dist-info/", SITE + "demo-1.0.dist-info/INSTALLER", SITE + "demo-1.0.dist-info/METADATA",
                SITE + "demo-1.0.dist-info/RECORD", SITE + "demo-1.0.dist-info/REQUESTED", SITE + "demo-1.0.dist-info/WHEEL",
                SITE + "demo/", SITE + "demo/__init__.py", SITE + "demo/_native.so", SITE + "demo/big.txt",
                SITE + "demo/bin/", SITE + "demo/bin/helper",
                SITE + "dep-2.0.dist-info/", SITE + "dep-2.0.dist-info/INSTALLER", SITE + "dep-2.0.dist-info/METADATA",
                SITE + "dep-2.0.dist-info/RECORD", SITE + "dep-2.0.dist-info/WHEEL",
                SITE + "dep/", SITE + "dep/__init__.py", SITE + "dep/_impl.py"), zip.names());
        assertEquals("pylayer\n", zip.get(SITE + "demo-1.0.dist-info/INSTALLER").text());
        assertEquals("", zip.get(SITE + "demo-1.0.dist-info/REQUESTED").text());
        assertEquals("VALUE = 1\n", zip.get(SITE + "demo/__init__.py").text());

        assertEquals(15, facts.files());
        assertEquals(zip.bytes.length, facts.size());
        assertEquals(zip.entries.values().stream().mapToLong(e -> e.content().length).sum(), facts.uncompressedSize());
        assertEquals(List.of("demo", "dep"), facts.distributions().stream().map(d -> d.name().normalized()).toList());
        DistributionFacts demo = facts.distributions().get(0);
        assertEquals(9, demo.files());
        assertTrue(demo.requested());
        assertEquals(zip.entries.entrySet().stream().filter(e -> e.getKey().startsWith(SITE + "demo"))
                .mapToLong(e -> e.getValue().content().length).sum(), demo.installedSize());
    }

    @Test
    void setsModesFoldersTimesAndNoExtraFields() {
        Path output = dir.resolve("layer.zip");
        write(output, List.of(LayerSource.of(demo(), true)));
        LayerZip zip = new LayerZip(output);
        zip.entries.values().forEach(entry -> {
            int expected = entry.name().endsWith("/") ? 040755
                    : entry.name().endsWith("/helper") ? 0100755 : 0100644;
            assertEquals(Integer.toOctalString(expected), Integer.toOctalString(entry.unixMode()), entry.name());
        });
        assertEquals(2 * zip.entries.size(), zip.headers.size());
        for (LayerZip.Header header : zip.headers) {
            assertEquals(0, header.extraLength(), header.name());
            assertEquals(0, header.commentLength(), header.name());
            assertEquals(0x0800, header.flags(), "only the UTF-8 flag, no data descriptor: " + header.name());
            assertEquals(0, header.dosTime(), header.name());
            assertEquals((2 << 5) | 1, header.dosDate(), "1980-02-01: " + header.name());
            if (header.central()) {
                assertEquals((3 << 8) | 20, header.versionMadeBy(), "Unix, zip 2.0: " + header.name());
            }
        }
    }

    @Test
    void copiesDeflatedAndStoredEntriesRaw() throws IOException {
        Path wheel = demo();
        Path output = dir.resolve("layer.zip");
        write(output, List.of(LayerSource.of(wheel, false)));
        LayerZip zip = new LayerZip(output);
        try (ZipFile source = ZipFile.builder().setPath(wheel).get()) {
            for (String name : List.of("demo/big.txt", "demo/_native.so", "demo/__init__.py")) {
                ZipArchiveEntry entry = source.getEntry(name);
                byte[] raw;
                try (InputStream in = source.getRawInputStream(entry)) {
                    raw = in.readAllBytes();
                }
                LayerZip.Entry copied = zip.get(SITE + name);
                assertEquals(entry.getMethod(), copied.method(), name);
                assertArrayEquals(raw, copied.raw(), "the stored bytes are the wheel's: " + name);
            }
        }
        assertEquals(ZipArchiveEntry.STORED, zip.get(SITE + "demo/_native.so").method());
        assertEquals(ZipArchiveEntry.DEFLATED, zip.get(SITE + "demo/big.txt").method());
    }

    @Test
    void writesTheSameBytesWhateverTheOrderOfTheWheels() throws IOException {
        List<Path> wheels = new ArrayList<>(List.of(demo(), dep(),
                WheelBuilder.wheel("aaa", "0.1").file("aaa.py", "A = 1\n").writeTo(dir.resolve("wheels")),
                WheelBuilder.wheel("zzz", "3").file("zzz/__init__.py", "").writeTo(dir.resolve("wheels"))));
        Path first = dir.resolve("first.zip");
        LayerFacts firstFacts = write(first, sources(wheels));
        Random random = new Random(2024);
        for (int round = 0; round < 3; round++) {
            Collections.shuffle(wheels, random);
            Path again = dir.resolve("again" + round + ".zip");
            LayerFacts facts = write(again, sources(wheels));
            assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(again), "order " + wheels);
            assertEquals(firstFacts, facts);
        }
        assertEquals(HexFormat.of().formatHex(sha256(Files.readAllBytes(first))), firstFacts.sha256());
    }

    @Test
    void writesTheSameBytesInAnyTimeZone() throws IOException {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Path east = dir.resolve("east.zip");
            write(east, List.of(LayerSource.of(demo(), true)));
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            Path west = dir.resolve("west.zip");
            write(west, List.of(LayerSource.of(demo(), true)));
            assertArrayEquals(Files.readAllBytes(east), Files.readAllBytes(west));
            assertTrue(new LayerZip(west).headers.stream().allMatch(h -> h.dosDate() == 0x41 && h.dosTime() == 0));
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void sortsEntriesByUtf8BytesNotByUtf16Units() {
        Path wheel = WheelBuilder.wheel("uni", "1.0").file("uni/\uD83D\uDE00.py", "").file("uni/\uFF21.py", "")
                .file("uni/\u00e9.py", "").file("uni/z.py", "").writeTo(dir.resolve("wheels"));
        Path output = dir.resolve("layer.zip");
        write(output, List.of(LayerSource.of(wheel, true)));
        List<String> files = new LayerZip(output).names().stream().filter(name -> name.startsWith(SITE + "uni/"))
                .map(name -> name.substring(SITE.length() + 4)).toList();
        assertEquals(List.of("", "z.py", "\u00e9.py", "\uFF21.py", "\uD83D\uDE00.py"), files);
    }

    @Test
    void laysOutForEachRuntime() {
        assertEquals(new LayerLayout("python/lib/python3.9/site-packages", "/var/lang/bin/python3.9", "3.9"),
                LayerLayout.forRuntime(LambdaRuntime.PYTHON_3_9));
        for (String bad : List.of("/python", "python/", "python/../x", "")) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new LayerLayout(bad, "/usr/bin/python3", "3.12"), bad);
        }
    }

    @Test
    void storesGeneratedFilesWhenAskedForMachineIndependentBytes() {
        Path output = dir.resolve("layer.zip");
        LayerZipWriter.create().deflateGeneratedFiles(false).write(LAYOUT, List.of(LayerSource.of(demo(), true)), output);
        LayerZip zip = new LayerZip(output);
        assertEquals(ZipArchiveEntry.STORED, zip.get(SITE + "demo-1.0.dist-info/RECORD").method());
        assertEquals(ZipArchiveEntry.DEFLATED, zip.get(SITE + "demo/big.txt").method());
    }

    @Test
    void deflatesGeneratedFilesUnlessThatIsNotSmaller() {
        Path output = dir.resolve("layer.zip");
        write(output, List.of(LayerSource.of(demo(), true)));
        LayerZip zip = new LayerZip(output);
        assertEquals(ZipArchiveEntry.DEFLATED, zip.get(SITE + "demo-1.0.dist-info/RECORD").method());
        assertEquals(ZipArchiveEntry.STORED, zip.get(SITE + "demo-1.0.dist-info/INSTALLER").method());
    }

    @Test
    void rewritesRecordWithTheInstalledFiles() throws Exception {
        Path output = dir.resolve("layer.zip");
        write(output, List.of(LayerSource.of(demo(), true)));
        LayerZip zip = new LayerZip(output);
        Record record = Record.parse(zip.get(SITE + "demo-1.0.dist-info/RECORD").content());
        List<String> paths = record.entries().stream().map(RecordEntry::path).toList();
        assertEquals(List.of("demo-1.0.dist-info/INSTALLER", "demo-1.0.dist-info/METADATA", "demo-1.0.dist-info/RECORD",
                "demo-1.0.dist-info/REQUESTED", "demo-1.0.dist-info/WHEEL", "demo/__init__.py", "demo/_native.so",
                "demo/big.txt", "demo/bin/helper"), paths);
        assertRecordMatches(zip, record);
    }

    /** Every hashed row matches the layer's bytes; every file of the distribution has a row. */
    static void assertRecordMatches(LayerZip zip, Record record) throws Exception {
        for (RecordEntry row : record.entries()) {
            LayerZip.Entry entry = zip.get(SITE + row.path());
            if (row.hash().isPresent()) {
                assertTrue(row.hash().get().matches(sha256(entry.content())), row.path());
                assertEquals(entry.content().length, row.size().getAsLong(), row.path());
            } else {
                assertTrue(row.path().endsWith("/RECORD"), "only RECORD itself is unhashed: " + row.path());
            }
        }
    }

    @Test
    void reportsProgressForEveryEntry() {
        Path output = dir.resolve("layer.zip");
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        LayerZipWriter.create().progress((done, all, bytes) -> {
            assertEquals(calls.incrementAndGet(), done);
            total.set(all);
            assertTrue(bytes > 0);
        }).write(LAYOUT, List.of(LayerSource.of(demo(), true)), output);
        assertEquals(new LayerZip(output).entries.size(), total.get());
        assertEquals(total.get(), calls.get());
    }

    @Test
    void writesTheSameLayerWithoutVerifyingContents() throws IOException {
        Path verified = dir.resolve("verified.zip");
        Path unverified = dir.resolve("unverified.zip");
        List<LayerSource> sources = List.of(LayerSource.of(demo(), true));
        LayerZipWriter.create().write(LAYOUT, sources, verified);
        LayerZipWriter.create().verifyContents(false).write(LAYOUT, sources, unverified);
        assertArrayEquals(Files.readAllBytes(verified), Files.readAllBytes(unverified));
    }

    @Test
    void writesTheSameLayerWhenPlanningWheelsInParallel() throws IOException {
        List<LayerSource> sources = new ArrayList<>(List.of(LayerSource.of(demo(), true), LayerSource.of(dep(), false)));
        for (int i = 0; i < 6; i++) {
            sources.add(LayerSource.of(WheelBuilder.wheel("extra" + i, "1." + i).file("extra" + i + "/__init__.py",
                    "N = " + i + "\n").writeTo(dir.resolve("wheels")), i % 2 == 0));
        }
        Path sequential = dir.resolve("sequential.zip");
        Path parallel = dir.resolve("parallel.zip");
        LayerZipWriter.create().write(LAYOUT, sources, sequential);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            try (LayerPlan plan = LayerPlan.create(LAYOUT, sources, LambdaLimits.MAX_UNZIPPED_BYTES, LayerTrim.NONE,
                    pool)) {
                LayerZipWriter.create().write(plan, parallel);
            }
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(Files.readAllBytes(sequential), Files.readAllBytes(parallel));
    }

    @Test
    void replacesAnEarlierOutputFile() throws IOException {
        Path output = dir.resolve("layer.zip");
        Files.writeString(output, "old");
        write(output, List.of(LayerSource.of(demo(), true)));
        assertFalse(new LayerZip(output).entries.isEmpty());
        assertEquals(List.of("layer.zip", "wheels"), names(dir));
    }

    @Test
    void aCheckThatFailsBeforeReplacingLeavesTheEarlierOutputAndNoTemporaryFile() throws IOException {
        Path output = dir.resolve("layer.zip");
        Files.writeString(output, "old");
        IllegalStateException refused = new IllegalStateException("refused");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> LayerZipWriter.create()
                .beforeReplacing(() -> {
                    throw refused;
                })
                .write(LAYOUT, List.of(LayerSource.of(demo(), true)), output));
        assertSame(refused, thrown);
        assertEquals("old", Files.readString(output));
        assertEquals(List.of("layer.zip", "wheels"), names(dir));
    }

    static List<LayerSource> sources(List<Path> wheels) {
        return wheels.stream().map(wheel -> LayerSource.of(wheel, wheel.getFileName().toString().startsWith("demo"))).toList();
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
