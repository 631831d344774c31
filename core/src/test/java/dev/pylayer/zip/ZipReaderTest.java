package dev.pylayer.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pylayer.testdata.wheels.WheelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading entries by the central directory, checked against Commons Compress, and what a damaged zip gives. */
class ZipReaderTest {
    @TempDir
    Path dir;

    private static byte[] generated() {
        return WheelBuilder.wheel("demo", "1.0").file("demo/__init__.py", "print('hi')\n".repeat(100))
                .storedFile("demo/raw.bin", new byte[] {1, 2, 3, 4}).file("demo/empty.txt", "")
                .fileWithMode("demo/tool.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), 0100755)
                .file("demo/naïve-ünïcode.txt", "text").toBytes();
    }

    private static byte[] seed(String name) throws IOException {
        try (InputStream in = ZipReaderTest.class.getResourceAsStream(
                "/dev/pylayer/wheel/WheelArchiveFuzzTestInputs/archives/" + name)) {
            return in.readAllBytes();
        }
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("w" + System.nanoTime() + ".whl");
        Files.write(file, bytes);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"generated", "zip64.whl", "well-formed.whl", "symlink.whl", "duplicate-entry.whl", "bomb.whl"})
    void readsAsCommonsCompressReads(String which) throws IOException {
        Path file = write(which.equals("generated") ? generated() : seed(which));
        try (ZipFile expected = ZipFile.builder().setPath(file).setCharset(StandardCharsets.UTF_8)
                .setUseUnicodeExtraFields(false).get();
                ZipReader actual = ZipReader.open(file)) {
            List<ZipArchiveEntry> theirs = Collections.list(expected.getEntries());
            assertEquals(theirs.size(), actual.records().size());
            for (int i = 0; i < theirs.size(); i++) {
                ZipArchiveEntry their = theirs.get(i);
                CentralRecord our = actual.records().get(i);
                assertEquals(their.getName(), our.nameText());
                assertEquals(their.getMethod(), our.method());
                assertEquals(their.getCrc(), our.crc());
                assertEquals(their.getSize(), our.size());
                assertEquals(their.getCompressedSize(), our.compressedSize());
                assertEquals((int) ((their.getExternalAttributes() >> 16) & 0xffff), our.unixMode());
                try (InputStream a = expected.getRawInputStream(their); InputStream b = actual.raw(our)) {
                    assertArrayEquals(a.readAllBytes(), b.readAllBytes(), their.getName());
                }
                if (our.size() < 1 << 20) {
                    try (InputStream a = expected.getInputStream(their); InputStream b = actual.inflated(our)) {
                        assertArrayEquals(a.readAllBytes(), b.readAllBytes(), their.getName());
                    }
                }
            }
        }
    }

    @Test
    void readsEntriesFromManyThreadsAtOnce() throws Exception {
        WheelBuilder wheel = WheelBuilder.wheel("many", "1.0");
        for (int i = 0; i < 200; i++) {
            wheel.file("many/module_" + i + ".py", ("value = " + i + "\n").repeat(50 + i));
        }
        Path file = write(wheel.toBytes());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ZipReader zip = ZipReader.open(file)) {
            List<byte[]> alone = new ArrayList<>();
            for (CentralRecord record : zip.records()) {
                try (InputStream in = zip.inflated(record)) {
                    alone.add(in.readAllBytes());
                }
            }
            List<Future<Boolean>> together = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                together.add(pool.submit(() -> {
                    List<CentralRecord> shuffled = new ArrayList<>(zip.records());
                    Collections.shuffle(shuffled);
                    for (CentralRecord record : shuffled) {
                        try (InputStream in = zip.inflated(record)) {
                            if (!java.util.Arrays.equals(alone.get(zip.records().indexOf(record)), in.readAllBytes())) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : together) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesALocalHeaderThatNamesAnotherFile() throws IOException {
        byte[] bytes = generated();
        CentralRecord init = record(bytes, "demo/__init__.py");
        bytes[(int) init.localHeaderOffset() + 30] = 'X';
        IOException error = assertThrows(IOException.class, () -> readRaw(bytes, "demo/__init__.py"));
        assertEquals("the local header at byte " + init.localHeaderOffset() + " names another file than `demo/__init__.py`",
                error.getMessage());
    }

    @Test
    void refusesAnEntryWhoseLocalHeaderIsNotOne() throws IOException {
        byte[] bytes = generated();
        CentralRecord init = record(bytes, "demo/__init__.py");
        bytes[(int) init.localHeaderOffset()] = 0;
        IOException error = assertThrows(IOException.class, () -> readRaw(bytes, "demo/__init__.py"));
        assertEquals("no local header at byte " + init.localHeaderOffset() + ", where the directory puts `demo/__init__.py`",
                error.getMessage());
    }

    @Test
    void refusesAnEntryWhoseDataRunsIntoTheDirectory() throws IOException {
        byte[] bytes = generated();
        CentralRecord init = record(bytes, "demo/__init__.py");
        // The local header's extra length pushes the data start far past the directory.
        int local = (int) init.localHeaderOffset();
        bytes[local + 28] = (byte) 0xff;
        bytes[local + 29] = (byte) 0xff;
        IOException error = assertThrows(IOException.class, () -> readRaw(bytes, "demo/__init__.py"));
        assertTrue(error.getMessage().contains("runs into the central directory"), error.getMessage());
    }

    @Test
    void refusesADirectoryRecordWithoutItsSignature() throws IOException {
        byte[] bytes = generated();
        CentralRecord init = record(bytes, "demo/__init__.py");
        bytes[(int) init.position()] = 0;
        IOException error = assertThrows(IOException.class, () -> ZipReader.open(write(bytes)).close());
        assertEquals("no central directory record at byte " + init.position(), error.getMessage());
    }

    @Test
    void refusesWhatIsNotAZip() throws IOException {
        Path file = write("not a zip at all".getBytes(StandardCharsets.UTF_8));
        IOException error = assertThrows(IOException.class, () -> ZipReader.open(file).close());
        assertTrue(error.getMessage().endsWith("not a zip"), error.getMessage());
    }

    @Test
    void aDeflateStreamCutShortEndsInAnError() throws IOException {
        WheelBuilder wheel = WheelBuilder.wheel("cut", "1.0").file("cut/big.txt", "some text that deflates\n".repeat(4000));
        byte[] bytes = wheel.toBytes();
        CentralRecord big = record(bytes, "cut/big.txt");
        // Zero the second half of the deflate data: the stream no longer decodes to its end.
        long data = big.localHeaderOffset() + 30 + big.name().length;
        java.util.Arrays.fill(bytes, (int) (data + big.compressedSize() / 2), (int) (data + big.compressedSize()), (byte) 0);
        try (ZipReader zip = ZipReader.open(write(bytes))) {
            CentralRecord record = zip.records().stream().filter(r -> r.nameText().equals("cut/big.txt")).findFirst().get();
            assertThrows(IOException.class, () -> {
                try (InputStream in = zip.inflated(record)) {
                    in.readAllBytes();
                }
            });
        }
    }

    private CentralRecord record(byte[] bytes, String name) throws IOException {
        try (ZipReader zip = ZipReader.open(write(bytes))) {
            return zip.records().stream().filter(r -> r.nameText().equals(name)).findFirst().orElseThrow();
        }
    }

    private void readRaw(byte[] bytes, String name) throws IOException {
        try (ZipReader zip = ZipReader.open(write(bytes))) {
            CentralRecord record = zip.records().stream().filter(r -> r.nameText().equals(name)).findFirst().orElseThrow();
            try (InputStream in = zip.raw(record)) {
                in.readAllBytes();
            }
        }
    }
}
