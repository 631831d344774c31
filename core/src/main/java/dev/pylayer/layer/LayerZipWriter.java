package dev.pylayer.layer;

import dev.pylayer.wheel.WheelArchive;
import dev.pylayer.wheel.WheelEntry;
import dev.pylayer.zip.ZipReader;
import dev.pylayer.zip.ZipWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * Writes a {@link LayerPlan} as a deterministic zip. The same wheels give the same bytes, whatever their order,
 * the time zone or the time of day:
 * <ul>
 * <li>entries sorted by name (UTF-8 byte order), an explicit entry (0755) for every folder;</li>
 * <li>files 0644, scripts and files the wheel marks executable 0755; Unix "version made by";</li>
 * <li>every timestamp 1980-02-01 00:00 in DOS time, with no time zone involved (Gradle's choice for
 *     reproducible archives: some zip libraries, Commons Compress among them, read 1980-01-01 00:00, the first
 *     DOS date, as "no date");</li>
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
 * <p>The bytes are written by {@link ZipWriter}, the same bytes Commons Compress's {@code ZipArchiveOutputStream}
 * wrote for this layout before it (the tests compare the two).
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
        long size;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
             EarlySync sync = new EarlySync(channel)) {
            ZipWriter zip = ZipWriter.to(channel, sha256);
            int done = 0;
            for (Map.Entry<String, Object> entry : entries.entrySet()) {
                if (entry.getValue() instanceof LayerFile file) {
                    writeFile(zip, entry.getKey(), file);
                    uncompressed += file.size();
                } else {
                    zip.folder(entry.getKey(), 0755);
                }
                sync.written(zip.bytesWritten());
                progress.entryWritten(++done, entries.size(), zip.bytesWritten());
            }
            zip.finish();
            size = zip.bytesWritten();
            channel.force(true);
        }
        return new LayerFacts(HexFormat.of().formatHex(sha256.digest()), size, uncompressed, plan.files().size(),
                plan.distributions());
    }

    private void writeFile(ZipWriter zip, String name, LayerFile file) throws IOException {
        if (file instanceof LayerFile.Copied copied) {
            WheelArchive archive = copied.archive();
            WheelEntry entry = copied.entry();
            try (InputStream raw = verifyContents ? archive.openRawChecked(entry) : archive.openRaw(entry)) {
                zip.file(name, file.mode(), entry.method(), file.crc(), file.size(), entry.compressedSize(), raw);
            }
        } else {
            byte[] content = ((LayerFile.Generated) file).content();
            byte[] deflated = deflateGeneratedFiles ? deflate(content) : null;
            boolean store = deflated == null || deflated.length >= content.length;
            zip.file(name, file.mode(), store ? ZipReader.STORED : ZipReader.DEFLATED, file.crc(), file.size(),
                    store ? content : deflated);
        }
    }

    /**
     * Starts the disk writes of the zip while it is still being written: after every {@link #STEP} bytes, a thread of
     * its own flushes what is written so far ({@code fdatasync}), so that the final {@code fsync} before the rename
     * waits for the last step only, not for the whole layer (~60 ms for scikit-learn's 64 MB on a VM's disk, the
     * only idle stretch of a build). Its failures are left to the final {@code fsync}, which meets the same disk.
     */
    private static final class EarlySync implements AutoCloseable {
        static final long STEP = 16L << 20;

        private final FileChannel channel;
        private long next = STEP;
        private Thread running;

        EarlySync(FileChannel channel) {
            this.channel = channel;
        }

        void written(long bytes) {
            if (bytes < next || running != null && running.isAlive()) {
                return;
            }
            next = bytes + STEP;
            running = new Thread(() -> {
                try {
                    channel.force(false);
                } catch (IOException | RuntimeException ignored) {
                    // the final fsync reports what is wrong with the disk
                }
            }, "pylayer-sync");
            running.setDaemon(true);
            running.start();
        }

        /** Waits for a flush under way, so that the channel is closed only after it. */
        @Override
        public void close() {
            if (running == null) {
                return;
            }
            boolean interrupted = false;
            while (running.isAlive()) {
                try {
                    running.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
}
