package dev.pylayer.publish;

import dev.pylayer.elf.ElfReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The facts about a layer zip that publishing needs, read without extracting it: its size, its SHA-256
 * (Lambda's CodeSha256 is the base64 of it), its unzipped size from the central directory, and the runtimes
 * and architectures its content implies.
 *
 * @param sha256Base64 what Lambda reports as CodeSha256 for this zip
 * @param sha256Hex    the same digest in hex, for content-addressed S3 keys
 */
public record LayerArchive(Path path, long size, String sha256Base64, String sha256Hex, long unzippedSize,
        int entryCount, LayerTargets detectedTargets) {

    /** Reads {@code zip}; throws {@link LayerArchiveException} when it is missing or not a zip. */
    public static LayerArchive read(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new LayerArchiveException(zip, "no such file", null);
        }
        try {
            long size = Files.size(zip);
            byte[] digest = sha256(zip);
            TargetDetector detector = new TargetDetector();
            long unzipped = 0;
            int entries = 0;
            try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
                for (Enumeration<ZipArchiveEntry> all = file.getEntries(); all.hasMoreElements(); ) {
                    ZipArchiveEntry entry = all.nextElement();
                    entries++;
                    // The central directory's uncompressed size: what Lambda counts against 250 MB.
                    unzipped += Math.max(0, entry.getSize());
                    if (entry.isDirectory() || entry.isUnixSymlink()) {
                        continue;
                    }
                    String name = entry.getName();
                    detector.entry(name);
                    if (TargetDetector.isWheelFile(name) && entry.getSize() < 64 * 1024) {
                        try (InputStream in = file.getInputStream(entry)) {
                            detector.wheelFile(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    } else if (TargetDetector.isSharedObject(name)) {
                        try (InputStream in = file.getInputStream(entry)) {
                            detector.sharedObject(name, in.readNBytes(ElfReader.MACHINE_HEADER_BYTES));
                        }
                    }
                }
            }
            return new LayerArchive(zip, size, Base64.getEncoder().encodeToString(digest),
                    HexFormat.of().formatHex(digest), unzipped, entries, detector.result());
        } catch (IOException e) {
            throw new LayerArchiveException(zip, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    private static byte[] sha256(Path zip) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(zip), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }

}
