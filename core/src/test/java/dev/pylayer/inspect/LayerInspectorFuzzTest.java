package dev.pylayer.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pylayer.FuzzBytes;
import dev.pylayer.FuzzInputs;
import dev.pylayer.runtime.Architecture;
import dev.pylayer.runtime.LambdaRuntime;
import dev.pylayer.runtime.LambdaTarget;
import dev.pylayer.testdata.elf.ElfBuilder;
import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Layer zips from any bytes: inspecting one gives a report (that prints as JSON and agrees with itself) or an
 * {@link UnreadableLayerException}; a damaged entry, ELF file, WHEEL or RECORD inside a readable zip is a finding,
 * never an escaping error. Both ways in are fuzzed: for a given target, and with the target inferred from the layer.
 *
 * <p>The seeds under {@code LayerInspectorFuzzTestInputs/layers/} are small generated layers ({@link TestLayer},
 * {@link ElfBuilder}); rewrite them with {@code -Dtest='LayerInspectorFuzzTest#writeSeeds'
 * -Dpylayer.fuzz.writeSeeds=true}. How to fuzz: see {@code VersionFuzzTest}, with
 * {@code -Dtest='LayerInspectorFuzzTest#layers'}.
 */
class LayerInspectorFuzzTest {
    private static final LambdaTarget PY311 = new LambdaTarget(LambdaRuntime.PYTHON_3_11, Architecture.X86_64);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String READ = "report";

    @TempDir
    Path dir;

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"PK", "python/lib/python3.12/site-packages/", ".dist-info/RECORD", ".dist-info/WHEEL",
            "Tag: cp311-cp311-manylinux_2_17_x86_64", "ELF", "GLIBC_2.28", ".cpython-311-x86_64-linux-gnu.so"})
    void layers(byte[] input) {
        check(dir.resolve("layer.zip"), input);
    }

    @Test
    void survivesDamagedLayers() {
        Path file = dir.resolve("layer.zip");
        Map<String, Integer> outcomes = new HashMap<>();
        FuzzBytes.of(6, FuzzInputs.corpus(getClass(), "layers")).feed(500,
                bytes -> outcomes.merge(check(file, bytes), 1, Integer::sum));
        assertTrue(outcomes.getOrDefault(READ, 0) > 0 && outcomes.size() == 2, outcomes.toString());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "site-packages-x86_64.zip, report",
            "python-folder-aarch64.zip, report",
            "musl-wrong-python.zip, report",
            "record-mismatch.zip, report",
            "symlink-and-stored.zip, report",
            // Found by fuzzing: a Zstandard entry (method 93) escaped as NoClassDefFoundError.
            "zstd-entry.zip, report",
            // Found by fuzzing: an unreadable central directory left the zip file open.
            "empty-central-directory.zip, UnreadableLayerException"})
    void eachSeedEndsAsExpected(String seed, String outcome) throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("LayerInspectorFuzzTestInputs/layers/" + seed)) {
            bytes = in.readAllBytes();
        }
        assertEquals(outcome, check(dir.resolve("layer.zip"), bytes));
    }

    @Test
    @EnabledIfSystemProperty(named = "pylayer.fuzz.writeSeeds", matches = "true")
    void writeSeeds() {
        byte[] x86 = ElfBuilder.x86_64().needed("libstdc++.so.6", "libc.so.6")
                .versionNeed("libstdc++.so.6", "GLIBCXX_3.4.21").versionNeed("libc.so.6", "GLIBC_2.17", "GLIBC_2.28")
                .toBytes();
        byte[] arm = ElfBuilder.aarch64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17").toBytes();
        byte[] musl = ElfBuilder.x86_64().needed("libc.musl-x86_64.so.1").toBytes();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("site-packages-x86_64.zip", read(TestLayer.create()
                .wheel(binary("demo", "cp311-cp311-manylinux_2_28_x86_64", "_x.cpython-311-x86_64-linux-gnu.so", x86)
                        .requiresDist("six"), "python3.11")
                .wheel(WheelBuilder.wheel("six", "1.17.0").file("six.py", "VALUE = 1\n"), "python3.11")));
        seeds.put("python-folder-aarch64.zip", read(TestLayer.create()
                .wheelUnder(binary("demo", "cp312-abi3-manylinux_2_17_aarch64", "_x.abi3.so", arm), "python/")
                .file("bin/tool", "#!/bin/sh\n")));
        seeds.put("musl-wrong-python.zip", read(TestLayer.create()
                .wheel(binary("demo", "cp313-cp313-musllinux_1_2_x86_64", "_x.cpython-313-x86_64-linux-musl.so", musl),
                        "python3.13")));
        seeds.put("record-mismatch.zip", read(TestLayer.create()
                .wheel(WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "VALUE = 1\n"), "python3.11")
                .file("python/lib/python3.11/site-packages/demo/__init__.py", "VALUE = 2\n")
                .remove("python/lib/python3.11/site-packages/demo-1.0.dist-info/WHEEL")));
        seeds.put("symlink-and-stored.zip", symlinkAndStored());
        FuzzInputs.writeCorpus(getClass(), "layers", seeds);
    }

    /**
     * Writes {@code bytes} to {@code file} and inspects it for python3.11 on x86_64 and for the target the layer
     * suggests; returns {@link #READ} or the simple name of the typed error. Anything else escapes.
     */
    static String check(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String outcome = inspect(file, bytes.length);
        assertEquals(0, FuzzBytes.openHandles(file), "handles left open on the file after " + outcome);
        return outcome;
    }

    private static String inspect(Path file, long size) {
        InspectionReport given;
        try {
            given = LayerInspector.inspect(file, PY311);
        } catch (UnreadableLayerException e) {
            assertTrue(e.getMessage().startsWith("cannot read layer `"), e.getMessage());
            return e.getClass().getSimpleName();
        }
        assertEquals(PY311, given.target());
        assertEquals(size, given.sizes().zippedBytes());
        assertConsistent(given);
        assertConsistent(LayerInspector.inspect(file, Optional.empty(), Optional.empty()));
        return READ;
    }

    private static void assertConsistent(InspectionReport report) {
        assertEquals(report.errors().isEmpty(), report.willLoad());
        if (report.willLoad()) {
            report.requireWillLoad();
        } else {
            assertThrows(LayerWillNotLoadException.class, report::requireWillLoad);
        }
        try {
            assertEquals(report.willLoad(), JSON.readTree(InspectionReportJson.write(report)).at("/willLoad").asBoolean());
        } catch (IOException e) {
            throw new AssertionError("the report does not print as JSON: " + e, e);
        }
    }

    private static WheelBuilder binary(String name, String tag, String module, byte[] so) {
        return WheelBuilder.wheel(name, "1.0").tag(tag).file(name + "/__init__.py", "").file(name + "/" + module, so);
    }

    private byte[] read(TestLayer layer) {
        try {
            return Files.readAllBytes(layer.writeTo(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code TestLayer}'s writer cannot make: a symlink entry, a stored entry and a directory entry. */
    private static byte[] symlinkAndStored() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.putArchiveEntry(new ZipArchiveEntry("python/"));
            zip.closeArchiveEntry();
            ZipArchiveEntry link = new ZipArchiveEntry("python/link.py");
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            zip.putArchiveEntry(link);
            zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
            byte[] elf = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.34").toBytes();
            ZipArchiveEntry stored = new ZipArchiveEntry("python/_y.cpython-311-x86_64-linux-gnu.so");
            stored.setMethod(ZipArchiveEntry.STORED);
            stored.setSize(elf.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(elf);
            stored.setCrc(crc.getValue());
            zip.putArchiveEntry(stored);
            zip.write(elf);
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
