package dev.pylayer.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Writes layer zips for tests: small named entries, incompressible filler, or highly compressible zeros. */
final class LayerZips {
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Entry(String name, Content content) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private int level = Deflater.DEFAULT_COMPRESSION;

    static LayerZips zip() {
        return new LayerZips();
    }

    LayerZips entry(String name, String text) {
        return entry(name, text.getBytes(StandardCharsets.UTF_8));
    }

    LayerZips entry(String name, byte[] bytes) {
        entries.add(new Entry(name, out -> out.write(bytes)));
        return this;
    }

    /** {@code bytes} of seeded random data: the zip is about as big as its content. */
    LayerZips random(String name, long bytes, long seed) {
        level = Deflater.NO_COMPRESSION;
        entries.add(new Entry(name, out -> {
            Random random = new Random(seed);
            byte[] buffer = new byte[1 << 20];
            for (long left = bytes; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(buffer.length, left));
            }
        }));
        return this;
    }

    /** {@code bytes} of zeros: large unzipped, tiny zipped. */
    LayerZips zeros(String name, long bytes) {
        entries.add(new Entry(name, out -> {
            byte[] buffer = new byte[1 << 20];
            for (long left = bytes; left > 0; left -= buffer.length) {
                out.write(buffer, 0, (int) Math.min(buffer.length, left));
            }
        }));
        return this;
    }

    Path writeTo(Path file) {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            zip.setLevel(level);
            for (Entry entry : entries) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
                zipEntry.setLastModifiedTime(FileTime.fromMillis(0));
                zip.putArchiveEntry(zipEntry);
                entry.content().writeTo(zip);
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The first 64 bytes of an ELF file for {@code machine} (62 x86_64, 183 aarch64, 3 i386). */
    static byte[] elf(int machine, boolean bigEndian) {
        ByteBuffer header = ByteBuffer.allocate(64).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {0x7f, 'E', 'L', 'F', 2, (byte) (bigEndian ? 2 : 1), 1, 0});
        header.position(16);
        header.putShort((short) 3); // ET_DYN: a shared object
        header.putShort((short) machine);
        return header.array();
    }

    /** Lambda's CodeSha256 of a file: base64 of its SHA-256. */
    static String codeSha256(Path file) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
