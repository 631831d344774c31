package dev.pylayer.inspect;

import dev.pylayer.elf.ElfException;
import dev.pylayer.elf.ElfFile;
import dev.pylayer.wheel.ContentSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * One pass over a layer zip in physical order: every file is inflated once, hashed (sha256, for RECORD) and
 * counted; ELF files are read while they stream by, small ones from memory and large ones (a 100 MB
 * {@code libtorch_cpu.so}) from a temporary file, because their section headers sit at the end; the dist-info
 * {@code WHEEL} and {@code RECORD} files are kept. Memory stays bounded by {@link Limits}.
 */
final class LayerScan {
    /**
     * @param inMemoryElf      ELF files read whole are read from memory up to this size, larger ones from a temporary file
     * @param readBudget       inflate at most this many bytes in total (4× Lambda's 250 MB limit: a zip bomb stops here)
     * @param metadataFile     the largest WHEEL or RECORD file kept
     * @param streamedElfHead  the first bytes an ELF file that can be read again keeps as it streams past
     *                         ({@link ElfCapture}); it is read whole only if they and the parts its headers point at
     *                         are not enough
     */
    record Limits(long inMemoryElf, long readBudget, int metadataFile, int streamedElfHead) {
        static final Limits DEFAULT = new Limits(8L << 20, 1L << 30, 16 << 20, 4 << 20);
    }

    private final Path zip;
    private final long zippedBytes;
    private final List<LayerEntry> entries;
    private final Map<String, byte[]> metadata;
    private final boolean budgetExhausted;
    private final Limits limits;

    LayerScan(Path zip, long zippedBytes, List<LayerEntry> entries, Map<String, byte[]> metadata,
            boolean budgetExhausted, Limits limits) {
        this.limits = limits;
        this.zip = zip;
        this.zippedBytes = zippedBytes;
        this.entries = List.copyOf(entries);
        this.metadata = Map.copyOf(metadata);
        this.budgetExhausted = budgetExhausted;
    }

    Path zip() {
        return zip;
    }

    long zippedBytes() {
        return zippedBytes;
    }

    /** The files (no directories), in the archive's physical order. */
    List<LayerEntry> entries() {
        return entries;
    }

    /** Contents of {@code *.dist-info/WHEEL} and {@code *.dist-info/RECORD} entries by entry name. */
    Map<String, byte[]> metadata() {
        return metadata;
    }

    /** Whether reading stopped at {@link Limits#readBudget()}; later entries were counted but not hashed. */
    boolean budgetExhausted() {
        return budgetExhausted;
    }

    Limits limits() {
        return limits;
    }

    static LayerScan read(Path zip, Limits limits) {
        long zippedBytes;
        try {
            zippedBytes = Files.size(zip);
        } catch (NoSuchFileException e) {
            throw new UnreadableLayerException(zip, "no such file", e);
        } catch (IOException e) {
            throw new UnreadableLayerException(zip, e.getMessage(), e);
        }
        if (Files.isDirectory(zip)) {
            throw new UnreadableLayerException(zip, "it is a directory", null);
        }
        List<LayerEntry> entries = new ArrayList<>();
        Map<String, byte[]> metadata = new LinkedHashMap<>();
        long budget = limits.readBudget();
        boolean exhausted = false;
        // Our channel: Commons Compress 1.28 leaves a file it opened itself open when the zip is unreadable.
        try (SeekableByteChannel channel = Files.newByteChannel(zip);
             ZipFile archive = ZipFile.builder().setSeekableByteChannel(channel).get()) {
            Enumeration<ZipArchiveEntry> all = archive.getEntriesInPhysicalOrder();
            while (all.hasMoreElements()) {
                ZipArchiveEntry entry = all.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                long declared = Math.max(0, entry.getSize());
                if (entry.isUnixSymlink()) {
                    entries.add(new LayerEntry(entry.getName(), declared, entry.getCompressedSize(), null,
                            BinaryFormat.OTHER, null, null, true, null));
                    continue;
                }
                boolean keep = isMetadata(entry.getName());
                // After the budget, only the small WHEEL and RECORD files are still read: they say what the rest is.
                boolean skip = exhausted && !(keep && declared <= limits.metadataFile());
                if (skip || !canRead(archive, entry)) {
                    String why = skip ? null : "compression method or encryption not supported";
                    entries.add(new LayerEntry(entry.getName(), declared, entry.getCompressedSize(), null,
                            BinaryFormat.OTHER, null, null, false, why));
                    continue;
                }
                EntryReading reading = readEntry(archive, entry, limits, exhausted ? limits.metadataFile() : budget, keep);
                if (!exhausted) {
                    budget -= reading.size;
                }
                if (reading.overBudget) {
                    exhausted = true;
                    entries.add(new LayerEntry(entry.getName(), declared, entry.getCompressedSize(), null,
                            BinaryFormat.OTHER, null, null, false, null));
                    continue;
                }
                LayerEntry read = reading.capture.toEntry();
                if (reading.readError != null) {
                    read = new LayerEntry(read.name(), reading.size, read.compressedSize(), null, read.format(), null,
                            null, false, reading.readError);
                }
                entries.add(read);
                byte[] kept = reading.capture.kept();
                if (keep && kept != null && reading.readError == null) {
                    metadata.put(entry.getName(), kept);
                }
            }
        } catch (IOException e) {
            throw new UnreadableLayerException(zip, "not a zip archive (" + e.getMessage() + ")", e);
        }
        return new LayerScan(zip, zippedBytes, entries, metadata, exhausted, limits);
    }

    /** Commons Compress inflates Zstandard and XZ entries only with optional libraries that pylayer does not ship. */
    private static boolean canRead(ZipFile archive, ZipArchiveEntry entry) {
        int method = entry.getMethod();
        return archive.canReadEntryData(entry) && method != ZipMethod.ZSTD.getCode()
                && method != ZipMethod.ZSTD_DEPRECATED.getCode() && method != ZipMethod.XZ.getCode();
    }

    static boolean isMetadata(String name) {
        return name.endsWith(".dist-info/WHEEL") || name.endsWith(".dist-info/RECORD");
    }

    private static final class EntryReading {
        long size;
        boolean overBudget;
        String readError;
        EntryCapture capture;
    }

    private static EntryReading readEntry(ZipFile archive, ZipArchiveEntry entry, Limits limits, long budget,
            boolean keep) {
        EntryReading reading = new EntryReading();
        EntryCapture capture = new EntryCapture(entry.getName(), entry.getCompressedSize(), entry.getSize(), limits,
                keep, false, () -> archive.getInputStream(entry));
        reading.capture = capture;
        try (InputStream in = archive.getInputStream(entry)) {
            byte[] buffer = new byte[64 * 1024];
            for (int length = in.read(buffer); length >= 0; length = in.read(buffer)) {
                reading.size += length;
                if (reading.size > budget) {
                    reading.overBudget = true;
                    capture.close();
                    return reading;
                }
                capture.update(buffer, 0, length);
            }
            capture.finish();
        } catch (IOException | UncheckedIOException e) {
            reading.readError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            capture.close();
        }
        return reading;
    }

    /**
     * What the checks need from one file's inflated bytes, collected as they stream past: size, sha256, binary
     * format (from the first bytes), the ELF reading, and the content of WHEEL and RECORD files. Used by the
     * scan of a zip and, through {@link LayerInspector.Recording}, by the layer writer's own pass.
     */
    static final class EntryCapture implements ContentSink {
        private final String name;
        private final long compressedSize;
        private final Limits limits;
        private final MessageDigest sha256;
        private final long expectedSize;
        private final byte[] head = new byte[4];
        private int headLength;
        private BinaryFormat format;
        private ElfCapture elf;
        private ByteArrayOutputStream kept;
        private long size;
        private ElfFile elfFile;
        private ElfException elfError;
        private String readError;
        private byte[] digest;
        private final EntryReopener reopener;

        EntryCapture(String name, long compressedSize, Limits limits, boolean keep) {
            this(name, compressedSize, -1, limits, keep, false, null);
        }

        /**
         * @param expectedSize the declared size, when known (-1 if not): an ELF file is then read into one array
         *                     of that size
         * @param hashedByCheck whether the content check hands over the SHA-256 ({@link #sha256(byte[])}), so the
         *                     bytes are not hashed a second time
         * @param reopener     reads the file again from the start (null if it cannot be): an ELF file then keeps only
         *                     the parts its reading needs as it streams past ({@link ElfCapture})
         */
        EntryCapture(String name, long compressedSize, long expectedSize, Limits limits, boolean keep,
                     boolean hashedByCheck, EntryReopener reopener) {
            this.reopener = reopener;
            this.name = name;
            this.compressedSize = compressedSize;
            this.expectedSize = expectedSize;
            this.limits = limits;
            this.kept = keep ? new ByteArrayOutputStream() : null;
            this.sha256 = hashedByCheck ? null : LayerScan.sha256();
        }

        @Override
        public void sha256(byte[] computed) {
            if (sha256 == null) {
                digest = computed.clone();
            }
        }

        @Override
        public void update(byte[] buffer, int offset, int length) {
            size += length;
            if (sha256 != null) {
                sha256.update(buffer, offset, length);
            }
            if (kept != null) {
                if (kept.size() + length > limits.metadataFile()) {
                    kept = null;
                } else {
                    kept.write(buffer, offset, length);
                }
            }
            int from = offset;
            int remaining = length;
            if (format == null) {
                int n = Math.min(head.length - headLength, remaining);
                System.arraycopy(buffer, offset, head, headLength, n);
                headLength += n;
                from += n;
                remaining -= n;
                if (headLength < head.length) {
                    return;
                }
                decideFormat();
            }
            if (elf != null && remaining > 0) {
                writeElf(buffer, from, remaining);
            }
        }

        private void decideFormat() {
            format = BinaryFormat.of(java.util.Arrays.copyOf(head, headLength));
            if (format == BinaryFormat.ELF) {
                elf = new ElfCapture(limits.inMemoryElf(), limits.streamedElfHead(), expectedSize, reopener);
                writeElf(head, 0, headLength);
            }
        }

        private void writeElf(byte[] buffer, int offset, int length) {
            try {
                elf.write(buffer, offset, length);
            } catch (IOException e) {
                readError = "cannot keep the ELF file for reading (" + e.getMessage() + ")";
                elf.close();
                elf = null;
            }
        }

        @Override
        public void finish() {
            if (format == null) {
                decideFormat();
            }
            if (sha256 != null) {
                digest = sha256.digest();
            }
            if (elf != null) {
                try {
                    elfFile = elf.read();
                } catch (ElfException e) {
                    elfError = e;
                } catch (IOException e) {
                    readError = e.getMessage();
                } finally {
                    elf.close();
                }
            }
        }

        void close() {
            if (elf != null) {
                elf.close();
            }
        }

        /**
         * This capture as a sink that, once finished, hands the entry and the kept metadata file's content (null
         * when not kept) to {@code finished}.
         */
        ContentSink whenFinished(BiConsumer<LayerEntry, byte[]> finished) {
            EntryCapture capture = this;
            return new ContentSink() {
                @Override
                public void update(byte[] buffer, int offset, int length) {
                    capture.update(buffer, offset, length);
                }

                @Override
                public void sha256(byte[] digest) {
                    capture.sha256(digest);
                }

                @Override
                public void finish() {
                    capture.finish();
                    finished.accept(capture.toEntry(), capture.kept());
                }
            };
        }

        /** The metadata file's content, when it was kept. */
        byte[] kept() {
            return kept == null ? null : kept.toByteArray();
        }

        LayerEntry toEntry() {
            return new LayerEntry(name, size, compressedSize, digest, format == null ? BinaryFormat.OTHER : format,
                    elfFile, elfError, false, readError);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
