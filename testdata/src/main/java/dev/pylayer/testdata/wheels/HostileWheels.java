package dev.pylayer.testdata.wheels;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Wheels that must be refused, generated: each starts as a correct {@link WheelBuilder} wheel of project
 * {@code hostile} 1.0 and adds or breaks one thing. Entries whose headers lie (a declared size of 1 GiB over a
 * few bytes of data, a small declared size over a deflate stream that inflates to megabytes, a name used
 * twice) are written raw, as a hostile tool would.
 */
public final class HostileWheels {
    /** One GiB: what the bomb entry declares. */
    public static final long BOMB_DECLARED_SIZE = 1L << 30;
    /** What the lying entry really inflates to, while declaring {@link #LIAR_DECLARED_SIZE}. */
    public static final int LIAR_REAL_SIZE = 8 * 1024 * 1024;
    public static final int LIAR_DECLARED_SIZE = 1000;

    /** A hostile wheel: its file name, bytes, and the entry that makes it hostile (null when it is the whole wheel). */
    public record Hostile(String description, String filename, byte[] bytes, String entry) {
        public Path writeTo(Path directory) {
            try {
                Files.createDirectories(directory);
                return Files.write(directory.resolve(filename), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private HostileWheels() {
    }

    /** The correct wheel every hostile one starts from. */
    public static WheelBuilder base() {
        return WheelBuilder.wheel("hostile", "1.0").file("hostile/__init__.py", "VALUE = 1\n");
    }

    public static Hostile zipSlip() {
        return raw("zip-slip", "../../evil.py");
    }

    public static Hostile zipSlipInside() {
        return raw("zip-slip through a package folder", "hostile/../../evil.py");
    }

    public static Hostile absolute() {
        return raw("absolute path", "/etc/evil.py");
    }

    public static Hostile driveLetter() {
        return raw("drive letter", "C:/Windows/evil.py");
    }

    public static Hostile backslash() {
        // With a `/` in the name: zip libraries turn the backslashes of a name without one into slashes.
        return raw("backslash", "hostile/..\\..\\evil.py");
    }

    public static Hostile nul() {
        return raw("NUL in name", "hostile/evil\u0000.py");
    }

    public static Hostile symlink() {
        WheelBuilder builder = base().symlink("hostile/passwd", "/etc/passwd");
        return new Hostile("symlink", builder.filename(), builder.toBytes(), "hostile/passwd");
    }

    /** An entry declaring {@link #BOMB_DECLARED_SIZE} bytes in the central directory over a few bytes of data. */
    public static Hostile bomb() {
        byte[] data = deflate(new byte[1024]);
        return crafted("zip bomb (declares 1 GiB)", List.of(
                new Crafted("hostile/bomb.bin", ZipArchiveEntry.DEFLATED, data, BOMB_DECLARED_SIZE, 0L, UnixStat.FILE_FLAG | 0644)));
    }

    /** An entry that declares {@link #LIAR_DECLARED_SIZE} bytes but inflates to {@link #LIAR_REAL_SIZE}. */
    public static Hostile liar() {
        byte[] content = new byte[LIAR_REAL_SIZE];
        CRC32 crc = new CRC32();
        crc.update(content, 0, LIAR_DECLARED_SIZE);
        return crafted("entry inflating past its declared size", List.of(
                new Crafted("hostile/liar.bin", ZipArchiveEntry.DEFLATED, deflate(content), LIAR_DECLARED_SIZE,
                        crc.getValue(), UnixStat.FILE_FLAG | 0644)));
    }

    /** The same entry name twice, with different content. */
    public static Hostile duplicateEntry() {
        byte[] content = "VALUE = 2\n".getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(content);
        return crafted("duplicate entry name", List.of(
                new Crafted("hostile/__init__.py", ZipArchiveEntry.STORED, content, content.length, crc.getValue(),
                        UnixStat.FILE_FLAG | 0644)));
    }

    /** RECORD gives the wrong size of a file. */
    public static Hostile recordWrongSize() {
        WheelBuilder builder = base().recordLine("hostile/__init__.py",
                "hostile/__init__.py,sha256=" + WheelBuilder.urlsafeSha256("VALUE = 1\n".getBytes(StandardCharsets.UTF_8)) + ",999");
        return new Hostile("RECORD with a wrong size", builder.filename(), builder.toBytes(), "hostile/__init__.py");
    }

    /** RECORD gives the wrong hash of a file (right size). */
    public static Hostile recordWrongHash() {
        WheelBuilder builder = base().recordLine("hostile/__init__.py",
                "hostile/__init__.py,sha256=" + WheelBuilder.urlsafeSha256("VALUE = 2\n".getBytes(StandardCharsets.UTF_8)) + ",10");
        return new Hostile("RECORD with a wrong hash", builder.filename(), builder.toBytes(), "hostile/__init__.py");
    }

    /** RECORD lists a file the archive does not have. */
    public static Hostile recordListsAbsentFile() {
        WheelBuilder builder = base().extraRecordLine("hostile/missing.py,sha256=AAAA,4");
        return new Hostile("RECORD listing an absent file", builder.filename(), builder.toBytes(), "hostile/missing.py");
    }

    public static Hostile withoutRecord() {
        WheelBuilder builder = base().withoutRecord();
        return new Hostile("no RECORD", builder.filename(), builder.toBytes(), builder.distInfoDirectory() + "/RECORD");
    }

    public static Hostile withoutMetadata() {
        WheelBuilder builder = base().withoutMetadata();
        return new Hostile("no METADATA", builder.filename(), builder.toBytes(), builder.distInfoDirectory() + "/METADATA");
    }

    /** Every hostile wheel above that must be refused when it is opened (before any content is read). */
    public static List<Hostile> refusedOnOpen() {
        return List.of(zipSlip(), zipSlipInside(), absolute(), driveLetter(), backslash(), nul(), symlink(), bomb(),
                duplicateEntry(), recordWrongSize(), recordListsAbsentFile(), withoutRecord(), withoutMetadata());
    }

    /** Hostile wheels that open, and are refused while their content is copied. */
    public static List<Hostile> refusedOnCopy() {
        return List.of(liar(), recordWrongHash());
    }

    private static Hostile raw(String description, String entryName) {
        WheelBuilder builder = base().rawEntry(entryName, "print('pwned')\n".getBytes(StandardCharsets.UTF_8));
        return new Hostile(description, builder.filename(), builder.toBytes(), entryName);
    }

    /** An entry written with exactly these headers and stored bytes. */
    private record Crafted(String name, int method, byte[] data, long declaredSize, long crc, int unixMode) {
    }

    private static Hostile crafted(String description, List<Crafted> extra) {
        WheelBuilder builder = base();
        byte[] bytes = appendRaw(builder.toBytes(), extra);
        return new Hostile(description, builder.filename(), bytes, extra.get(0).name());
    }

    /** Copies a zip's entries raw and appends the crafted ones. */
    static byte[] appendRaw(byte[] zipBytes, List<Crafted> extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile source = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zipBytes)).get();
             ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            List<ZipArchiveEntry> entries = new ArrayList<>();
            for (Enumeration<ZipArchiveEntry> all = source.getEntries(); all.hasMoreElements(); ) {
                entries.add(all.nextElement());
            }
            for (ZipArchiveEntry entry : entries) {
                zip.addRawArchiveEntry(entry, source.getRawInputStream(entry));
            }
            for (Crafted crafted : extra) {
                ZipArchiveEntry entry = new ZipArchiveEntry(crafted.name());
                entry.setTime(315532800000L + 86400000L);
                entry.setUnixMode(crafted.unixMode());
                entry.setMethod(crafted.method());
                entry.setSize(crafted.declaredSize());
                entry.setCompressedSize(crafted.data().length);
                entry.setCrc(crafted.crc());
                zip.addRawArchiveEntry(entry, new ByteArrayInputStream(crafted.data()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Raw deflate (no zlib header), as zip entries hold it. */
    public static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
