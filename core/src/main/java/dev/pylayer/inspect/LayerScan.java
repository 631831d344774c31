package dev.pylayer.inspect;

import dev.pylayer.elf.ElfException;
import dev.pylayer.elf.ElfFile;
import dev.pylayer.elf.ElfReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * One pass over a layer zip in physical order: every file is inflated once, hashed (sha256, for RECORD) and
 * counted; ELF files are read while they stream by, small ones from memory and large ones (a 100 MB
 * {@code libtorch_cpu.so}) from a temporary file, because their section headers sit at the end; the dist-info
 * {@code WHEEL} and {@code RECORD} files are kept. Memory stays bounded by {@link Limits}.
 */
final class LayerScan {
    /**
     * @param inMemoryElf  ELF files up to this size are read from memory, larger ones from a temporary file
     * @param readBudget   inflate at most this many bytes in total (4× Lambda's 250 MB limit: a zip bomb stops here)
     * @param metadataFile the largest WHEEL or RECORD file kept
     */
    record Limits(long inMemoryElf, long readBudget, int metadataFile) {
        static final Limits DEFAULT = new Limits(8L << 20, 1L << 30, 16 << 20);
    }

    private final Path zip;
    private final long zippedBytes;
    private final List<LayerEntry> entries;
    private final Map<String, byte[]> metadata;
    private final boolean budgetExhausted;
    private final Limits limits;

    private LayerScan(Path zip, long zippedBytes, List<LayerEntry> entries, Map<String, byte[]> metadata,
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
        try (ZipFile archive = ZipFile.builder().setPath(zip).get()) {
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
                if (skip || !archive.canReadEntryData(entry)) {
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
                }
                entries.add(new LayerEntry(entry.getName(), reading.overBudget ? declared : reading.size,
                        entry.getCompressedSize(), reading.overBudget ? null : reading.sha256, reading.format,
                        reading.elf, reading.elfError, false, reading.readError));
                if (keep && reading.kept != null) {
                    metadata.put(entry.getName(), reading.kept);
                }
            }
        } catch (IOException e) {
            throw new UnreadableLayerException(zip, "not a zip archive (" + e.getMessage() + ")", e);
        }
        return new LayerScan(zip, zippedBytes, entries, metadata, exhausted, limits);
    }

    private static boolean isMetadata(String name) {
        return name.endsWith(".dist-info/WHEEL") || name.endsWith(".dist-info/RECORD");
    }

    private static final class EntryReading {
        long size;
        byte[] sha256;
        BinaryFormat format = BinaryFormat.OTHER;
        ElfFile elf;
        ElfException elfError;
        String readError;
        byte[] kept;
        boolean overBudget;
    }

    private static EntryReading readEntry(ZipFile archive, ZipArchiveEntry entry, Limits limits, long budget,
            boolean keep) {
        EntryReading reading = new EntryReading();
        MessageDigest sha256 = sha256();
        ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
        ElfCapture elf = null;
        try (InputStream in = archive.getInputStream(entry)) {
            byte[] head = in.readNBytes(4);
            reading.format = BinaryFormat.of(head);
            if (reading.format == BinaryFormat.ELF) {
                elf = new ElfCapture(limits.inMemoryElf());
            }
            byte[] buffer = new byte[64 * 1024];
            byte[] chunk = head;
            int length = head.length;
            while (length > 0) {
                reading.size += length;
                if (reading.size > budget) {
                    reading.overBudget = true;
                    return reading;
                }
                sha256.update(chunk, 0, length);
                if (elf != null) {
                    elf.write(chunk, length);
                }
                if (kept != null) {
                    if (kept.size() + length > limits.metadataFile()) {
                        kept = null;
                    } else {
                        kept.write(chunk, 0, length);
                    }
                }
                chunk = buffer;
                length = Math.max(0, in.read(buffer));
            }
            reading.sha256 = sha256.digest();
            reading.kept = kept == null ? null : kept.toByteArray();
            if (elf != null) {
                try {
                    reading.elf = elf.read();
                } catch (ElfException e) {
                    reading.elfError = e;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            reading.readError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            if (elf != null) {
                elf.close();
            }
        }
        return reading;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes of one ELF file: in memory up to a limit, then in a temporary file deleted after reading. */
    private static final class ElfCapture {
        private final long inMemoryLimit;
        private ByteArrayOutputStream memory = new ByteArrayOutputStream();
        private Path spill;
        private OutputStream spillStream;

        ElfCapture(long inMemoryLimit) {
            this.inMemoryLimit = inMemoryLimit;
        }

        void write(byte[] bytes, int length) throws IOException {
            if (memory != null && memory.size() + length <= inMemoryLimit) {
                memory.write(bytes, 0, length);
                return;
            }
            if (spillStream == null) {
                spill = Files.createTempFile("pylayer-inspect-", ".elf");
                spillStream = Files.newOutputStream(spill);
                memory.writeTo(spillStream);
                memory = null;
            }
            spillStream.write(bytes, 0, length);
        }

        ElfFile read() throws IOException {
            if (spillStream == null) {
                return ElfReader.read(memory.toByteArray());
            }
            spillStream.close();
            return ElfReader.read(spill);
        }

        void close() {
            try {
                if (spillStream != null) {
                    spillStream.close();
                }
                if (spill != null) {
                    Files.deleteIfExists(spill);
                }
            } catch (IOException e) {
                // A temporary file we could not delete is the OS's to clean up; the inspection stands.
            }
        }
    }
}
