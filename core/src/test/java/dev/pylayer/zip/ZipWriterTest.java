package dev.pylayer.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zip a {@link ZipWriter} writes, byte for byte against what Commons Compress {@code ZipArchiveOutputStream}
 * writes for the same raw entries (the writer pylayer's layers were written with before), and read back by Commons
 * Compress, the JDK and {@link ZipReader} where Zip64 records are needed.
 */
class ZipWriterTest {
    @TempDir
    Path dir;

    /** One entry as both writers are given it: stored bytes, CRC and sizes known beforehand. */
    private record Entry(String name, int unixMode, int method, long crc, long size, byte[] stored) {
        boolean folder() {
            return name.endsWith("/");
        }

        static Entry folder(String name) {
            return new Entry(name, 0755, ZipReader.STORED, 0, 0, new byte[0]);
        }

        static Entry stored(String name, int mode, byte[] content) {
            return new Entry(name, mode, ZipReader.STORED, crcOf(content), content.length, content);
        }

        static Entry deflated(String name, int mode, byte[] content) {
            return new Entry(name, mode, ZipReader.DEFLATED, crcOf(content), content.length, deflate(content));
        }
    }

    private static long crcOf(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }

    private static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Written as LayerZipWriter wrote layers with Commons Compress. */
    private static byte[] commonsCompress(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setEncoding("UTF-8");
            zip.setUseLanguageEncodingFlag(true);
            zip.setFallbackToUTF8(false);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            zip.setUseZip64(Zip64Mode.AsNeeded);
            long dosTime = LocalDateTime.of(1980, 2, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
            for (Entry entry : entries) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
                zipEntry.setTime(dosTime);
                zipEntry.setUnixMode((entry.folder() ? UnixStat.DIR_FLAG : UnixStat.FILE_FLAG) | entry.unixMode());
                zipEntry.setMethod(entry.method());
                zipEntry.setSize(entry.size());
                zipEntry.setCompressedSize(entry.stored().length);
                zipEntry.setCrc(entry.crc());
                zip.addRawArchiveEntry(zipEntry, new ByteArrayInputStream(entry.stored()));
            }
            zip.finish();
        }
        return bytes.toByteArray();
    }

    private static byte[] ours(List<Entry> entries, MessageDigest digest, int bufferSize, long zip64Limit)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipWriter zip = new ZipWriter(Channels.newChannel(bytes), digest, bufferSize, zip64Limit);
        for (Entry entry : entries) {
            if (entry.folder()) {
                zip.folder(entry.name(), entry.unixMode());
            } else if (entry.stored().length % 2 == 0) {
                zip.file(entry.name(), entry.unixMode(), entry.method(), entry.crc(), entry.size(),
                        entry.stored().length, new ByteArrayInputStream(entry.stored()));
            } else {
                zip.file(entry.name(), entry.unixMode(), entry.method(), entry.crc(), entry.size(), entry.stored());
            }
        }
        zip.finish();
        assertEquals(bytes.size(), zip.bytesWritten());
        return bytes.toByteArray();
    }

    private static byte[] ours(List<Entry> entries) throws IOException {
        return ours(entries, null, 1 << 20, 0xffffffffL);
    }

    private static List<Entry> layerLike() {
        Random random = new Random(42);
        byte[] noise = new byte[200_000];
        random.nextBytes(noise);
        return List.of(
                Entry.folder("python/"),
                Entry.folder("python/demo/"),
                Entry.deflated("python/demo/__init__.py", 0644, text("print('hi')\n".repeat(500))),
                Entry.stored("python/demo/empty.txt", 0644, new byte[0]),
                Entry.stored("python/demo/noise.bin", 0644, noise),
                Entry.deflated("python/demo/noise.gz", 0644, noise),
                Entry.deflated("python/bin/tool", 0755, text("#!/bin/sh\necho hi\n")),
                Entry.stored("python/demo/read-only.txt", 0444, text("r")),
                Entry.deflated("python/demo/naïve-ünïcode-日本.txt", 0644, text("text")),
                Entry.folder("python/demo/data dir with spaces/"));
    }

    @Test
    void writesTheBytesCommonsCompressWrites() throws IOException {
        assertArrayEquals(commonsCompress(layerLike()), ours(layerLike()));
    }

    @Test
    void anEmptyZipIsAnEndRecordAlone() throws IOException {
        byte[] empty = ours(List.of());
        assertArrayEquals(commonsCompress(List.of()), empty);
        assertEquals(22, empty.length);
    }

    @Test
    void buffersOfAnySizeGiveTheSameBytesAndDigest() throws IOException, NoSuchAlgorithmException {
        byte[] expected = ours(layerLike());
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(expected);
        for (int bufferSize : new int[] {8, 13, 4096, 65_536}) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            assertArrayEquals(expected, ours(layerLike(), digest, bufferSize, 0xffffffffL), "buffer " + bufferSize);
            assertArrayEquals(sha256, digest.digest(), "buffer " + bufferSize);
        }
    }

    @Test
    void moreThan65534EntriesGetZip64EndRecordsAsCommonsCompressWrites() throws IOException {
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            many.add(Entry.stored("f/" + i, 0644, new byte[] {(byte) i}));
        }
        byte[] ours = ours(many);
        assertArrayEquals(commonsCompress(many), ours);
        Path file = dir.resolve("many.zip");
        Files.write(file, ours);
        try (ZipReader reader = ZipReader.open(file)) {
            assertEquals(70_000, reader.records().size());
            assertEquals("f/69999", reader.records().get(69_999).nameText());
        }
    }

    /**
     * Sizes and offsets past 4 GiB cannot be written in a unit test; with the Zip64 threshold lowered, entries whose
     * sizes or offsets pass it get Zip64 fields, which three readers read back as the true values.
     */
    @Test
    void sizesAndOffsetsPastTheLimitGoToZip64Fields() throws IOException {
        List<Entry> entries = layerLike();
        byte[] zip = ours(entries, null, 1 << 20, 1000);
        Path file = dir.resolve("zip64.zip");
        Files.write(file, zip);
        try (ZipReader reader = ZipReader.open(file)) {
            assertEquals(entries.size(), reader.records().size());
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                CentralRecord record = reader.records().get(i);
                assertEquals(entry.name(), record.nameText());
                assertEquals(entry.size(), record.size());
                assertEquals(entry.stored().length, record.compressedSize());
                try (InputStream raw = reader.raw(record)) {
                    assertArrayEquals(entry.stored(), raw.readAllBytes(), entry.name());
                }
            }
        }
        try (ZipFile commons = ZipFile.builder().setPath(file).get()) {
            List<ZipArchiveEntry> read = Collections.list(commons.getEntries());
            assertEquals(entries.size(), read.size());
            for (int i = 0; i < entries.size(); i++) {
                assertEquals(entries.get(i).size(), read.get(i).getSize());
                assertEquals(entries.get(i).unixMode() | (entries.get(i).folder() ? UnixStat.DIR_FLAG : UnixStat.FILE_FLAG),
                        read.get(i).getUnixMode());
            }
        }
        try (java.util.zip.ZipFile jdk = new java.util.zip.ZipFile(file.toFile())) {
            for (Entry entry : entries) {
                ZipEntry read = jdk.getEntry(entry.name());
                assertEquals(entry.size(), read.getSize(), entry.name());
                if (!entry.folder()) {
                    assertArrayEquals(inflated(entry), jdk.getInputStream(read).readAllBytes(), entry.name());
                }
            }
        }
        // A streaming reader (local headers only) sees the same entries.
        try (ZipInputStream stream = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            int seen = 0;
            for (ZipEntry read = stream.getNextEntry(); read != null; read = stream.getNextEntry()) {
                assertEquals(entries.get(seen).name(), read.getName());
                stream.readAllBytes();
                seen++;
            }
            assertEquals(entries.size(), seen);
        }
    }

    private static byte[] inflated(Entry entry) throws IOException {
        if (entry.method() == ZipReader.STORED) {
            return entry.stored();
        }
        try (InputStream in = new java.util.zip.InflaterInputStream(new ByteArrayInputStream(entry.stored()),
                new java.util.zip.Inflater(true))) {
            return in.readAllBytes();
        }
    }

    @Test
    void writesToAFileChannelFromItsPosition() throws IOException {
        Path file = dir.resolve("layer.zip");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ZipWriter zip = ZipWriter.to(channel, null);
            for (Entry entry : layerLike()) {
                if (entry.folder()) {
                    zip.folder(entry.name(), entry.unixMode());
                } else {
                    zip.file(entry.name(), entry.unixMode(), entry.method(), entry.crc(), entry.size(), entry.stored());
                }
            }
            zip.finish();
        }
        assertArrayEquals(ours(layerLike()), Files.readAllBytes(file));
    }

    @Test
    void aShortStreamIsAnErrorNamingTheEntry() {
        ZipWriter zip = ZipWriter.to(Channels.newChannel(new ByteArrayOutputStream()), null);
        EOFException thrown = assertThrows(EOFException.class, () -> zip.file("python/a.py", 0644, ZipReader.DEFLATED,
                0, 100, 10, new ByteArrayInputStream(new byte[4])));
        assertTrue(thrown.getMessage().contains("`python/a.py` ends 6 bytes before its 10"), thrown.getMessage());
    }

    @Test
    void aLongStreamIsAnErrorNamingTheEntry() {
        ZipWriter zip = ZipWriter.to(Channels.newChannel(new ByteArrayOutputStream()), null);
        IOException thrown = assertThrows(IOException.class, () -> zip.file("python/a.py", 0644, ZipReader.STORED,
                0, 4, 4, new ByteArrayInputStream(new byte[5])));
        assertTrue(thrown.getMessage().contains("`python/a.py` has more than its 4 bytes"), thrown.getMessage());
    }

    /** A stream that checks what it hands out judges at its end: the writer reads every stream to its end. */
    @Test
    void readsEachStreamToItsEnd() throws IOException {
        ZipWriter zip = ZipWriter.to(Channels.newChannel(new ByteArrayOutputStream()), null);
        boolean[] endSeen = {false};
        InputStream checked = new ByteArrayInputStream(new byte[3]) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                endSeen[0] |= n < 0;
                return n;
            }

            @Override
            public synchronized int read() {
                int n = super.read();
                endSeen[0] |= n < 0;
                return n;
            }
        };
        zip.file("a", 0644, ZipReader.STORED, 0, 3, 3, checked);
        assertTrue(endSeen[0]);
    }

    @Test
    void refusesWhatItCannotWrite() throws IOException {
        ZipWriter zip = ZipWriter.to(Channels.newChannel(new ByteArrayOutputStream()), null);
        assertThrows(IllegalArgumentException.class, () -> zip.folder("python", 0755));
        assertThrows(IllegalArgumentException.class, () -> zip.file("a", 0644, 12, 0, 1, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> zip.file("a", 0644, ZipReader.STORED, 0, 2, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> zip.file("x".repeat(65_536), 0644, ZipReader.STORED, 0, 0,
                new byte[0]));
        zip.finish();
        assertThrows(IllegalStateException.class, zip::finish);
        assertThrows(IllegalStateException.class, () -> zip.folder("late/", 0755));
    }
}
