package dev.pylayer.layer;

import dev.pylayer.wheel.WheelArchive;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a {@link LayerPlan} as a deterministic zip. The same wheels give the same bytes, whatever their order,
 * the time zone or the time of day:
 * <ul>
 * <li>entries sorted by name (UTF-8 byte order), an explicit entry (0755) for every folder;</li>
 * <li>files 0644, scripts and files the wheel marks executable 0755; Unix "version made by";</li>
 * <li>every timestamp 1980-02-01 00:00 in DOS time, whatever {@code user.timezone} is (Gradle's choice for
 *     reproducible archives: some zip libraries, Commons Compress among them, read 1980-01-01 00:00, the first
 *     DOS date, as "no date" and would add extended-timestamp extra fields);</li>
 * <li>no extra fields (no extended timestamps, no Zip64 unless needed, no Unicode path fields), no data
 *     descriptors, no comments;</li>
 * <li>wheel entries copied raw: deflated data is not inflated and deflated again but copied as the wheel
 *     stores it (by default a copy is inflated on the side to check size, CRC and RECORD hash, see
 *     {@link #verifyContents}); files pylayer generates are deflated, or stored when that is not smaller.</li>
 * </ul>
 * Generated files are deflated by the JVM's zlib; a different zlib build (some Linux distributions ship
 * zlib-ng) may deflate them differently, so byte-identical output across machines needs
 * {@link #deflateGeneratedFiles deflateGeneratedFiles(false)}.
 *
 * <p>The zip is written to a temporary file in the output's folder and renamed over the output only when
 * complete; on any failure the temporary file is deleted and the output left as it was. Memory stays a few
 * buffers whatever the layer's size (plus the generated files, which are small). The sha256 is computed while
 * writing.
 */
public final class LayerZipWriter {
    /** Reports progress after each entry. */
    @FunctionalInterface
    public interface Progress {
        void entryWritten(int doneEntries, int totalEntries, long doneBytes);
    }

    private boolean verifyContents = true;
    private boolean deflateGeneratedFiles = true;
    private Progress progress = (done, total, bytes) -> { };
    private Runnable beforeReplacing = () -> { };

    private LayerZipWriter() {
    }

    public static LayerZipWriter create() {
        return new LayerZipWriter();
    }

    /**
     * Whether to inflate each copied entry on the side (never writing the inflated bytes) to check that it
     * holds its declared size, CRC-32 and RECORD hash: a wheel that lies about its sizes (a zip bomb) or whose
     * content does not match its RECORD is refused. On by default; costs an inflate per byte, not a deflate.
     */
    public LayerZipWriter verifyContents(boolean value) {
        this.verifyContents = value;
        return this;
    }

    /** Whether generated files (RECORD, INSTALLER, launchers) are deflated; stored when off. On by default. */
    public LayerZipWriter deflateGeneratedFiles(boolean value) {
        this.deflateGeneratedFiles = value;
        return this;
    }

    public LayerZipWriter progress(Progress value) {
        this.progress = Objects.requireNonNull(value, "progress");
        return this;
    }

    /**
     * A last word before the complete zip replaces the output: when it throws, the zip is deleted, the output left
     * as it was, and its exception is the write's. A caller that checks the layer while it is written (the build
     * inspects its plan on another thread) waits for that check here.
     */
    public LayerZipWriter beforeReplacing(Runnable value) {
        this.beforeReplacing = Objects.requireNonNull(value, "beforeReplacing");
        return this;
    }

    /** Plans, writes and closes in one go. */
    public LayerFacts write(LayerLayout layout, Collection<LayerSource> sources, Path output) {
        try (LayerPlan plan = LayerPlan.create(layout, sources)) {
            return write(plan, output);
        }
    }

    /** Writes the plan to {@code output}, atomically ({@link LayerOutput}). */
    public LayerFacts write(LayerPlan plan, Path output) {
        return LayerOutput.replaceWhole(output, temp -> {
            LayerFacts facts = writeZip(plan, temp);
            beforeReplacing.run();
            return Optional.of(facts);
        }).orElseThrow();
    }

    private LayerFacts writeZip(LayerPlan plan, Path temp) throws IOException {
        MessageDigest sha256 = LayerOutput.sha256();
        SortedMap<String, Object> entries = new TreeMap<>(Utf8Order.INSTANCE);
        entries.putAll(plan.directories());
        entries.putAll(plan.files());
        long uncompressed = 0;
        CountingOutputStream counter;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            counter = new CountingOutputStream(new DigestOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024), sha256));
            ZipArchiveOutputStream zip = new ZipArchiveOutputStream(counter);
            try {
                configure(zip);
                // Commons Compress turns Java time into DOS time in the default zone: ask for local midnight.
                long dosTime = LocalDateTime.of(1980, 2, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
                int done = 0;
                for (Map.Entry<String, Object> entry : entries.entrySet()) {
                    if (entry.getValue() instanceof LayerFile file) {
                        writeFile(zip, entry.getKey(), file, dosTime);
                        uncompressed += file.size();
                    } else {
                        writeFolder(zip, entry.getKey(), dosTime);
                    }
                    progress.entryWritten(++done, entries.size(), counter.count());
                }
                zip.finish();
                counter.flush();
                channel.force(true);
            } catch (IOException | RuntimeException | Error e) {
                // Closing would try to finish the archive; the first error is the one to report.
                try {
                    zip.close();
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            zip.close();
        }
        return new LayerFacts(HexFormat.of().formatHex(sha256.digest()), counter.count(), uncompressed,
                plan.files().size(), plan.distributions());
    }

    private static void configure(ZipArchiveOutputStream zip) {
        zip.setEncoding("UTF-8");
        zip.setUseLanguageEncodingFlag(true);
        zip.setFallbackToUTF8(false);
        zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
        zip.setUseZip64(Zip64Mode.AsNeeded);
    }

    private void writeFile(ZipArchiveOutputStream zip, String name, LayerFile file, long dosTime) throws IOException {
        ZipArchiveEntry entry = newEntry(name, dosTime, UnixStat.FILE_FLAG | file.mode());
        entry.setSize(file.size());
        entry.setCrc(file.crc());
        if (file instanceof LayerFile.Copied copied) {
            entry.setMethod(copied.entry().method());
            entry.setCompressedSize(copied.entry().compressedSize());
            WheelArchive archive = copied.archive();
            try (InputStream raw = verifyContents ? archive.openRawChecked(copied.entry()) : archive.openRaw(copied.entry())) {
                zip.addRawArchiveEntry(entry, raw);
            }
        } else {
            byte[] content = ((LayerFile.Generated) file).content();
            byte[] deflated = deflateGeneratedFiles ? deflate(content) : null;
            boolean store = deflated == null || deflated.length >= content.length;
            entry.setMethod(store ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
            byte[] data = store ? content : deflated;
            entry.setCompressedSize(data.length);
            zip.addRawArchiveEntry(entry, new ByteArrayInputStream(data));
        }
    }

    private static void writeFolder(ZipArchiveOutputStream zip, String name, long dosTime) throws IOException {
        ZipArchiveEntry entry = newEntry(name, dosTime, UnixStat.DIR_FLAG | 0755);
        entry.setMethod(ZipArchiveEntry.STORED);
        entry.setSize(0);
        entry.setCompressedSize(0);
        entry.setCrc(0);
        zip.addRawArchiveEntry(entry, InputStream.nullInputStream());
    }

    private static ZipArchiveEntry newEntry(String name, long dosTime, int unixMode) {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setTime(dosTime);
        entry.setUnixMode(unixMode);
        if (entry.getExtraFields(true).length != 0) {
            // A time Commons Compress cannot keep as plain DOS time would bring extended-timestamp fields.
            throw new IllegalStateException("zip entry `" + name + "` would carry extra fields");
        }
        return entry;
    }

    /** Raw deflate at the highest level: generated files are small, and smaller layers upload faster. */
    private static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Counts the bytes of the zip as written. */
    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            count += length;
        }

        long count() {
            return count;
        }
    }
}
