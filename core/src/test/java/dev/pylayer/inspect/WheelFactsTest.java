package dev.pylayer.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.elf.ElfFile;
import dev.pylayer.elf.ElfReader;
import dev.pylayer.testdata.elf.ElfBuilder;
import dev.pylayer.testdata.wheels.WheelBuilder;
import dev.pylayer.wheel.WheelArchive;
import dev.pylayer.wheel.WheelEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelFactsTest {
    @TempDir
    Path dir;

    private WheelFacts factsOf(Path wheel) throws IOException {
        WheelFacts.Recorder recorder = WheelFacts.recorder();
        try (WheelArchive archive = WheelArchive.open(wheel)) {
            for (WheelEntry entry : archive.entries()) {
                try (InputStream in = archive.openRawChecked(entry, recorder.entry(entry.name(), entry.compressedSize()))) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        }
        return recorder.facts();
    }

    @Test
    void keepsWhatTheInspectionNeedsAcrossBuilds() throws IOException {
        byte[] so = ElfBuilder.x86_64().needed("libc.so.6", "libstdc++.so.6").soname("_native.so")
                .versionNeed("libc.so.6", "GLIBC_2.17", "GLIBC_2.28").versionNeed("libstdc++.so.6", "GLIBCXX_3.4.29")
                .toBytes();
        Path wheel = WheelBuilder.wheel("native", "1.0").tag("cp311-cp311-manylinux_2_28_x86_64")
                .file("native/__init__.py", "X = 1\n").file("native/_native.so", so).writeTo(dir);
        WheelFacts facts = factsOf(wheel);
        assertTrue(facts.keepable());

        WheelFacts again = WheelFacts.fromJson(facts.toJson()).orElseThrow();
        LayerEntry elf = again.entry("native/_native.so").orElseThrow();
        assertEquals(BinaryFormat.ELF, elf.format());
        assertEquals(so.length, elf.size());
        ElfFile original = facts.entry("native/_native.so").orElseThrow().elf();
        assertEquals(original, elf.elf());
        assertEquals("2.28", elf.elf().maxGlibc().orElseThrow().toString());
        assertArrayEquals(facts.entry("native/__init__.py").orElseThrow().sha256(),
                again.entry("native/__init__.py").orElseThrow().sha256());
        String wheelFile = new String(again.kept("native-1.0.dist-info/WHEEL").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(wheelFile.contains("Tag: cp311-cp311-manylinux_2_28_x86_64"), wheelFile);
    }

    @Test
    void theSameFactsWhenTheContentCheckHandsOverItsSha256AndTheSizesAreKnown() throws IOException {
        byte[] small = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17").toBytes();
        // Over the in-memory limit: read from a temporary file when read whole, kept in parts when streamed.
        byte[] large = ElfBuilder.x86_64().needed("libm.so.6").versionNeed("libm.so.6", "GLIBC_2.27")
                .padding((int) LayerScan.Limits.DEFAULT.inMemoryElf() + 1).toBytes();
        Path wheel = WheelBuilder.wheel("native", "1.0").tag("cp311-cp311-manylinux_2_28_x86_64")
                .file("native/__init__.py", "X = 1\n").file("native/_small.so", small)
                .file("native/_large.so", large).writeTo(dir);
        WheelFacts.Recorder shared = WheelFacts.recorder();
        try (WheelArchive archive = WheelArchive.open(wheel)) {
            archive.verifyContents(Runnable::run, 0, entry -> shared.entry(entry.name(), entry.compressedSize(),
                    entry.size(), archive.checkHashesSha256(entry), () -> archive.open(entry)));
            assertTrue(archive.checkHashesSha256(archive.entry("native/_small.so").orElseThrow()));
            assertFalse(archive.checkHashesSha256(archive.entry("native-1.0.dist-info/RECORD").orElseThrow()),
                    "RECORD gives no hash of itself");
        }
        WheelFacts facts = shared.facts();
        assertTrue(facts.keepable());
        assertArrayEquals(factsOf(wheel).toJson(), facts.toJson());
        assertEquals("2.27", facts.entry("native/_large.so").orElseThrow().elf().maxGlibc().orElseThrow().toString());
    }

    @Test
    void anElfFileWhoseStringsLieBeyondTheFirstBytesKeptIsReadAgainFromTheWheel() throws IOException {
        // Code first: the string table starts past the first 4 MiB, before the dynamic section that points at it.
        byte[] codeFirst = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.31")
                .leadingCode(LayerScan.Limits.DEFAULT.streamedElfHead() + 4096).toBytes();
        Path wheel = WheelBuilder.wheel("native", "1.0").tag("cp311-cp311-manylinux_2_31_x86_64")
                .file("native/_code_first.so", codeFirst).writeTo(dir);
        WheelFacts.Recorder recorder = WheelFacts.recorder();
        int[] reopened = {0};
        try (WheelArchive archive = WheelArchive.open(wheel)) {
            archive.verifyContents(Runnable::run, 0, entry -> recorder.entry(entry.name(), entry.compressedSize(),
                    entry.size(), archive.checkHashesSha256(entry), () -> {
                        reopened[0]++;
                        return archive.open(entry);
                    }));
        }
        assertEquals(1, reopened[0], "read again once, whole");
        WheelFacts facts = recorder.facts();
        assertTrue(facts.keepable());
        assertEquals(ElfReader.read(codeFirst), facts.entry("native/_code_first.so").orElseThrow().elf());
    }

    @Test
    void anUnreadableElfFileIsJudgedAfreshEachTime() throws IOException {
        byte[] broken = java.util.Arrays.copyOf(ElfBuilder.x86_64().toBytes(), 40);
        Path wheel = WheelBuilder.wheel("broken", "1.0").tag("cp311-cp311-manylinux_2_17_x86_64")
                .file("broken/_b.so", broken).writeTo(dir);
        assertFalse(factsOf(wheel).keepable());
    }

    @Test
    void otherFormatsOrDamagedFactsAreNotRead() {
        assertTrue(WheelFacts.fromJson("{\"format\":\"wheel-facts-0\",\"entries\":{}}".getBytes(StandardCharsets.UTF_8))
                .isEmpty());
        assertTrue(WheelFacts.fromJson("not json".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }
}
