package dev.pylayer.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads the headers of an ELF file (System V ABI, "ELF-64 Object File Format" and the LSB's symbol versioning
 * chapter) from a byte array or a seekable channel. The dynamic section and {@code .gnu.version_r} are found
 * through the section headers, as {@code readelf -d -V} finds them; a file without section headers (stripped with
 * {@code sstrip}) is read through {@code PT_DYNAMIC} and the {@code DT_VERNEED} address instead, as the loader does.
 *
 * <p>Every offset, size and count is checked against the file before it is used; a file that is cut short, points
 * outside itself or loops in its version chains ends in an {@link ElfException}.
 */
public final class ElfReader {
    private final ElfSource source;

    private ElfReader(ElfSource source) {
        this.source = source;
    }

    /** Reads an ELF file through a source of its bytes. */
    static ElfFile read(ElfSource source) {
        return new ElfReader(source).read();
    }

    /** Reads an ELF file held in memory. */
    public static ElfFile read(byte[] bytes) {
        return new ElfReader(ElfSource.of(bytes)).read();
    }

    /** Reads an ELF file through a channel, touching only the headers and tables it needs. */
    public static ElfFile read(SeekableByteChannel channel) {
        try {
            return new ElfReader(ElfSource.of(channel)).read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ElfFile read(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            return read(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many first bytes {@link #machine(byte[])} needs: e_ident (16), e_type (2), e_machine (2), at the same offsets for 32- and 64-bit files. */
    public static final int MACHINE_HEADER_BYTES = 20;

    /**
     * The instruction set named by the first {@link #MACHINE_HEADER_BYTES} bytes of a file, read in the file's byte
     * order; empty when they are not an ELF header. Enough to tell a layer's architecture without reading whole files.
     */
    public static Optional<ElfMachine> machine(byte[] header) {
        if (!hasElfMagic(header) || header.length < MACHINE_HEADER_BYTES) {
            return Optional.empty();
        }
        int low = header[18] & 0xff;
        int high = header[19] & 0xff;
        // EI_DATA (byte 5): 2 is big-endian; anything else is read as little-endian, as for the full reader's fallback.
        return Optional.of(ElfMachine.of(header[5] == 2 ? (low << 8) | high : (high << 8) | low));
    }

    /** Whether these first bytes are the ELF magic {@code \x7fELF}. */
    public static boolean hasElfMagic(byte[] start) {
        return start.length >= 4 && start[0] == 0x7f && start[1] == 'E' && start[2] == 'L' && start[3] == 'F';
    }

    private ElfFile read() {
        byte[] ident = new byte[(int) Math.min(16, source.size())];
        source.read(0, ident.length, "e_ident").get(ident);
        if (!hasElfMagic(ident)) {
            throw new NotElfException(HexFormat.ofDelimiter(" ").formatHex(ident, 0, Math.min(4, ident.length)));
        }
        if (ident.length < 16) {
            throw new TruncatedElfException("e_ident", 0, 16, source.size());
        }
        ElfClass elfClass = ElfClass.of(ident[4]);
        ByteOrder order = switch (ident[5]) {
            case 1 -> ByteOrder.LITTLE_ENDIAN;
            case 2 -> ByteOrder.BIG_ENDIAN;
            default -> throw new MalformedElfException("`EI_DATA` " + ident[5] + " is neither 1 (little endian) nor 2 (big endian)");
        };
        source.order(order);
        ElfHeader header = ElfHeader.of(source.read(0, elfClass.headerSize(), "ELF header"), elfClass);
        int type = header.type();
        int machineCode = header.machineCode();
        long phoff = ElfHeaderTables.unsigned(header.phoff(), "e_phoff");
        long shoff = ElfHeaderTables.unsigned(header.shoff(), "e_shoff");
        int phentsize = header.phentsize();
        long phnum = header.phnum();
        int shentsize = header.shentsize();
        long shnum = header.shnum();

        ElfHeaderTables tables = ElfHeaderTables.read(source, elfClass, phoff, phentsize, phnum, shoff, shentsize, shnum);

        Optional<String> interpreter = Optional.empty();
        for (ElfHeaderTables.Segment segment : tables.segments()) {
            if (segment.type() == ElfHeaderTables.PT_INTERP) {
                interpreter = Optional.of(new StringTable(segment.offset(), segment.fileSize())
                        .string(source, 0, "PT_INTERP"));
            }
        }

        DynamicSection dynamic = DynamicSection.read(source, elfClass, tables);
        List<VersionNeed> versionNeeds = VersionNeedsSection.read(source, tables, dynamic);
        return new ElfFile(elfClass, order, ElfType.of(type), ElfMachine.of(machineCode), machineCode, interpreter,
                dynamic.needed(), dynamic.soname(), dynamic.runPaths(), dynamic.positionIndependentExecutable(),
                versionNeeds);
    }
}
