package dev.pylayer.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final int PT_INTERP = 3;
    private static final int SHT_DYNAMIC = 6;
    private static final int SHT_NOBITS = 8;
    private static final int SHT_GNU_VERNEED = 0x6ffffffe;
    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_STRTAB = 5;
    private static final long DT_STRSZ = 10;
    private static final long DT_SONAME = 14;
    private static final long DT_RPATH = 15;
    private static final long DT_RUNPATH = 29;
    private static final long DT_FLAGS_1 = 0x6ffffffbL;
    private static final long DT_VERNEED = 0x6ffffffeL;
    private static final long DT_VERNEEDNUM = 0x6fffffffL;
    private static final long DF_1_PIE = 0x08000000L;
    private static final int VER_FLG_WEAK = 0x2;
    /** ELF's extended numbering: {@code e_phnum == PN_XNUM} means the count is in section 0's {@code sh_info}. */
    private static final int PN_XNUM = 0xffff;
    /** More program or section headers than this is not a real shared object. */
    private static final long MAX_HEADERS = 65536;
    private static final int VERNEED_SIZE = 16;
    private static final int VERNAUX_SIZE = 16;
    /** Library names, sonames and version names are short; a longer "string" is garbage. */
    private static final int MAX_STRING = 4096;

    private record Segment(long type, long offset, long address, long fileSize) {
    }

    private record Section(long type, long offset, long size, long link, long info) {
    }

    private record StringTable(long offset, long size) {
    }

    private final ElfSource source;
    private ElfClass elfClass;

    private ElfReader(ElfSource source) {
        this.source = source;
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
        elfClass = ElfClass.of(ident[4]);
        ByteOrder order = switch (ident[5]) {
            case 1 -> ByteOrder.LITTLE_ENDIAN;
            case 2 -> ByteOrder.BIG_ENDIAN;
            default -> throw new MalformedElfException("`EI_DATA` " + ident[5] + " is neither 1 (little endian) nor 2 (big endian)");
        };
        source.order(order);
        boolean wide = elfClass == ElfClass.ELF64;
        ByteBuffer header = source.read(0, elfClass.headerSize(), "ELF header");
        int type = Short.toUnsignedInt(header.getShort(16));
        int machineCode = Short.toUnsignedInt(header.getShort(18));
        long phoff = wide ? unsigned(header.getLong(32), "e_phoff") : Integer.toUnsignedLong(header.getInt(28));
        long shoff = wide ? unsigned(header.getLong(40), "e_shoff") : Integer.toUnsignedLong(header.getInt(32));
        int at = wide ? 54 : 42;
        int phentsize = Short.toUnsignedInt(header.getShort(at));
        long phnum = Short.toUnsignedInt(header.getShort(at + 2));
        int shentsize = Short.toUnsignedInt(header.getShort(at + 4));
        long shnum = Short.toUnsignedInt(header.getShort(at + 6));

        if (shoff != 0 && (shnum == 0 || phnum == PN_XNUM)) {
            checkEntrySize(shentsize, elfClass.sectionHeaderSize(), "e_shentsize");
            Section first = section(shoff, shentsize, 0);
            if (shnum == 0) {
                shnum = first.size();
            }
            if (phnum == PN_XNUM) {
                phnum = first.info();
            }
        }
        List<Segment> segments = segments(phoff, phentsize, phnum);
        List<Section> sections = sections(shoff, shentsize, shnum);

        Optional<String> interpreter = Optional.empty();
        for (Segment segment : segments) {
            if (segment.type() == PT_INTERP) {
                interpreter = Optional.of(string(new StringTable(segment.offset(), segment.fileSize()), 0, "PT_INTERP"));
            }
        }

        Dynamic dynamic = dynamic(segments, sections);
        List<VersionNeed> versionNeeds = versionNeeds(segments, sections, dynamic);
        return new ElfFile(elfClass, order, ElfType.of(type), ElfMachine.of(machineCode), machineCode, interpreter,
                dynamic.needed, dynamic.soname, dynamic.runPaths, (dynamic.flags1 & DF_1_PIE) != 0, versionNeeds);
    }

    private List<Segment> segments(long phoff, int phentsize, long phnum) {
        List<Segment> segments = new ArrayList<>();
        if (phnum == 0) {
            return segments;
        }
        checkEntrySize(phentsize, elfClass.programHeaderSize(), "e_phentsize");
        checkCount(phnum, "program headers");
        checkRange(phoff, phnum * phentsize, "program headers");
        for (long i = 0; i < phnum; i++) {
            ByteBuffer b = source.read(phoff + i * phentsize, elfClass.programHeaderSize(), "program header " + i);
            Segment segment = elfClass == ElfClass.ELF64
                    ? new Segment(Integer.toUnsignedLong(b.getInt(0)), unsigned(b.getLong(8), "p_offset"),
                            b.getLong(16), unsigned(b.getLong(32), "p_filesz"))
                    : new Segment(Integer.toUnsignedLong(b.getInt(0)), Integer.toUnsignedLong(b.getInt(4)),
                            Integer.toUnsignedLong(b.getInt(8)), Integer.toUnsignedLong(b.getInt(16)));
            if (segment.type() == PT_LOAD || segment.type() == PT_DYNAMIC || segment.type() == PT_INTERP) {
                // The loader maps these from the file: one that runs past the end means a cut-short file.
                checkRange(segment.offset(), segment.fileSize(), "segment " + i + " (" + segmentName(segment.type()) + ")");
                segments.add(segment);
            }
        }
        return segments;
    }

    private List<Section> sections(long shoff, int shentsize, long shnum) {
        List<Section> sections = new ArrayList<>();
        if (shoff == 0 || shnum == 0) {
            return sections;
        }
        checkEntrySize(shentsize, elfClass.sectionHeaderSize(), "e_shentsize");
        checkCount(shnum, "section headers");
        checkRange(shoff, shnum * shentsize, "section headers");
        for (long i = 0; i < shnum; i++) {
            sections.add(section(shoff, shentsize, i));
        }
        return sections;
    }

    private Section section(long shoff, int shentsize, long index) {
        ByteBuffer b = source.read(shoff + index * shentsize, elfClass.sectionHeaderSize(), "section header " + index);
        return elfClass == ElfClass.ELF64
                ? new Section(Integer.toUnsignedLong(b.getInt(4)), unsigned(b.getLong(24), "sh_offset"),
                        unsigned(b.getLong(32), "sh_size"), Integer.toUnsignedLong(b.getInt(40)),
                        Integer.toUnsignedLong(b.getInt(44)))
                : new Section(Integer.toUnsignedLong(b.getInt(4)), Integer.toUnsignedLong(b.getInt(16)),
                        Integer.toUnsignedLong(b.getInt(20)), Integer.toUnsignedLong(b.getInt(24)),
                        Integer.toUnsignedLong(b.getInt(28)));
    }

    /** What the dynamic section says, with string offsets already resolved. */
    private static final class Dynamic {
        final List<String> needed = new ArrayList<>();
        final List<String> runPaths = new ArrayList<>();
        Optional<String> soname = Optional.empty();
        long flags1;
        StringTable strings;
        long verneedAddress = -1;
        long verneedCount;
    }

    private Dynamic dynamic(List<Segment> segments, List<Section> sections) {
        Dynamic dynamic = new Dynamic();
        long offset;
        long size;
        StringTable strings = null;
        Optional<Section> section = sections.stream().filter(s -> s.type() == SHT_DYNAMIC).findFirst();
        Optional<Segment> segment = segments.stream().filter(s -> s.type() == PT_DYNAMIC).findFirst();
        if (section.isPresent()) {
            offset = section.get().offset();
            size = section.get().size();
            strings = stringTable(sections, section.get().link(), "the dynamic section's string table");
        } else if (segment.isPresent()) {
            offset = segment.get().offset();
            size = segment.get().fileSize();
        } else {
            return dynamic; // a static executable or an object file: nothing needed at run time
        }
        int entrySize = elfClass.dynamicEntrySize();
        checkRange(offset, size, "dynamic section");
        List<long[]> entries = new ArrayList<>();
        long strtab = -1;
        long strsz = -1;
        for (long at = offset; at + entrySize <= offset + size; at += entrySize) {
            ByteBuffer b = source.read(at, entrySize, "dynamic entry");
            long tag = elfClass == ElfClass.ELF64 ? b.getLong(0) : b.getInt(0);
            long value = elfClass == ElfClass.ELF64 ? b.getLong(8) : Integer.toUnsignedLong(b.getInt(4));
            if (tag == DT_NULL) {
                break;
            }
            if (tag == DT_STRTAB) {
                strtab = value;
            } else if (tag == DT_STRSZ) {
                strsz = value;
            } else if (tag == DT_FLAGS_1) {
                dynamic.flags1 = value;
            } else if (tag == DT_VERNEED) {
                dynamic.verneedAddress = value;
            } else if (tag == DT_VERNEEDNUM) {
                dynamic.verneedCount = value;
            } else if (tag == DT_NEEDED || tag == DT_SONAME || tag == DT_RPATH || tag == DT_RUNPATH) {
                entries.add(new long[] {tag, value});
            }
        }
        if (strings == null) {
            if (strtab < 0) {
                if (entries.isEmpty()) {
                    return dynamic;
                }
                throw new MalformedElfException("the dynamic section names libraries but has no `DT_STRTAB`");
            }
            long start = fileOffset(segments, strtab, "DT_STRTAB");
            long end = loadedEnd(segments, strtab);
            strings = new StringTable(start, strsz < 0 ? end - start : Math.min(unsigned(strsz, "DT_STRSZ"), end - start));
        }
        dynamic.strings = strings;
        for (long[] entry : entries) {
            String text = string(strings, entry[1], dynamicTagName(entry[0]));
            if (entry[0] == DT_NEEDED) {
                dynamic.needed.add(text);
            } else if (entry[0] == DT_SONAME) {
                dynamic.soname = Optional.of(text);
            } else {
                for (String path : text.split(":")) {
                    if (!path.isEmpty()) {
                        dynamic.runPaths.add(path);
                    }
                }
            }
        }
        return dynamic;
    }

    private List<VersionNeed> versionNeeds(List<Segment> segments, List<Section> sections, Dynamic dynamic) {
        Optional<Section> section = sections.stream().filter(s -> s.type() == SHT_GNU_VERNEED).findFirst();
        if (section.isPresent()) {
            Section verneed = section.get();
            StringTable strings = stringTable(sections, verneed.link(), "the version needs' string table");
            return versionNeeds(verneed.offset(), verneed.size(), verneed.info(), strings);
        }
        if (dynamic.verneedAddress >= 0 && dynamic.strings != null) {
            long start = fileOffset(segments, dynamic.verneedAddress, "DT_VERNEED");
            return versionNeeds(start, loadedEnd(segments, dynamic.verneedAddress) - start, dynamic.verneedCount,
                    dynamic.strings);
        }
        return List.of();
    }

    /** Walks the {@code Verneed} chain and each entry's {@code Vernaux} chain, bounded by the table's size. */
    private List<VersionNeed> versionNeeds(long offset, long size, long declaredCount, StringTable strings) {
        checkRange(offset, size, ".gnu.version_r");
        long room = size / VERNEED_SIZE;
        if (declaredCount > room) {
            throw new MalformedElfException("`.gnu.version_r` declares " + declaredCount + " entries but has room for " + room);
        }
        long count = declaredCount > 0 ? declaredCount : room;
        List<VersionNeed> needs = new ArrayList<>();
        long at = 0;
        long auxiliaries = 0;
        for (long i = 0; i < count; i++) {
            checkInside(at, VERNEED_SIZE, size, "Verneed entry " + i);
            ByteBuffer need = source.read(offset + at, VERNEED_SIZE, "Verneed entry " + i);
            int auxCount = Short.toUnsignedInt(need.getShort(2));
            long file = Integer.toUnsignedLong(need.getInt(4));
            long aux = Integer.toUnsignedLong(need.getInt(8));
            long next = Integer.toUnsignedLong(need.getInt(12));
            auxiliaries += auxCount;
            if (auxiliaries > size / VERNAUX_SIZE) {
                throw new MalformedElfException("`.gnu.version_r` declares more versions than fit in its " + size + " bytes");
            }
            List<SymbolVersion> versions = new ArrayList<>();
            long auxAt = at + aux;
            for (int j = 0; j < auxCount; j++) {
                checkInside(auxAt, VERNAUX_SIZE, size, "Vernaux entry " + j + " of Verneed entry " + i);
                ByteBuffer b = source.read(offset + auxAt, VERNAUX_SIZE, "Vernaux entry");
                int flags = Short.toUnsignedInt(b.getShort(4));
                long name = Integer.toUnsignedLong(b.getInt(8));
                long auxNext = Integer.toUnsignedLong(b.getInt(12));
                versions.add(new SymbolVersion(string(strings, name, "vna_name"), (flags & VER_FLG_WEAK) != 0));
                if (auxNext == 0) {
                    break;
                }
                auxAt += auxNext;
            }
            needs.add(new VersionNeed(string(strings, file, "vn_file"), versions));
            if (next == 0) {
                break;
            }
            at += next;
        }
        return needs;
    }

    private StringTable stringTable(List<Section> sections, long index, String what) {
        if (index <= 0 || index >= sections.size()) {
            throw new MalformedElfException(what + " is section " + index + ", which does not exist ("
                    + sections.size() + " sections)");
        }
        Section section = sections.get((int) index);
        if (section.type() == SHT_NOBITS) {
            throw new MalformedElfException(what + " (section " + index + ") has no bytes in the file");
        }
        checkRange(section.offset(), section.size(), "string table (section " + index + ")");
        return new StringTable(section.offset(), section.size());
    }

    /** The NUL-terminated string at {@code index} of a string table. */
    private String string(StringTable table, long index, String field) {
        if (index < 0 || index >= table.size()) {
            throw new MalformedElfException("`" + field + "` points at " + index + ", outside its string table ("
                    + table.size() + " bytes)");
        }
        int length = (int) Math.min(MAX_STRING, table.size() - index);
        ByteBuffer bytes = source.read(table.offset() + index, length, field + " string");
        for (int i = 0; i < length; i++) {
            if (bytes.get(i) == 0) {
                return new String(bytes.array(), 0, i, StandardCharsets.UTF_8);
            }
        }
        throw new MalformedElfException("the `" + field + "` string at " + index + " is not terminated within "
                + length + " bytes");
    }

    /** The file offset of a virtual address, through the loadable segment that maps it. */
    private static long fileOffset(List<Segment> segments, long address, String tag) {
        for (Segment segment : segments) {
            if (segment.type() == PT_LOAD && Long.compareUnsigned(address, segment.address()) >= 0
                    && Long.compareUnsigned(address - segment.address(), segment.fileSize()) < 0) {
                return segment.offset() + (address - segment.address());
            }
        }
        throw new MalformedElfException("`" + tag + "` address 0x" + Long.toHexString(address)
                + " lies in no loadable segment");
    }

    private static long loadedEnd(List<Segment> segments, long address) {
        for (Segment segment : segments) {
            if (segment.type() == PT_LOAD && Long.compareUnsigned(address, segment.address()) >= 0
                    && Long.compareUnsigned(address - segment.address(), segment.fileSize()) < 0) {
                return segment.offset() + segment.fileSize();
            }
        }
        throw new MalformedElfException("address 0x" + Long.toHexString(address) + " lies in no loadable segment");
    }

    private void checkRange(long offset, long length, String structure) {
        if (offset < 0 || length < 0 || offset > source.size() || length > source.size() - offset) {
            throw new TruncatedElfException(structure, offset, length, source.size());
        }
    }

    private static void checkInside(long at, int length, long size, String structure) {
        if (at < 0 || at + length > size) {
            throw new MalformedElfException("`" + structure + "` at " + at + " lies outside `.gnu.version_r` ("
                    + size + " bytes)");
        }
    }

    private static void checkEntrySize(int declared, int minimum, String field) {
        if (declared < minimum) {
            throw new MalformedElfException("`" + field + "` is " + declared + ", smaller than the " + minimum
                    + " bytes of one entry");
        }
    }

    private static void checkCount(long count, String what) {
        if (count > MAX_HEADERS) {
            throw new MalformedElfException(count + " " + what + " is more than any real file has (" + MAX_HEADERS + ")");
        }
    }

    private static long unsigned(long value, String field) {
        if (value < 0) {
            throw new MalformedElfException("`" + field + "` 0x" + Long.toHexString(value) + " is beyond any file size");
        }
        return value;
    }

    private static String segmentName(long type) {
        return type == PT_LOAD ? "PT_LOAD" : type == PT_DYNAMIC ? "PT_DYNAMIC" : "PT_INTERP";
    }

    private static String dynamicTagName(long tag) {
        return tag == DT_NEEDED ? "DT_NEEDED" : tag == DT_SONAME ? "DT_SONAME" : tag == DT_RPATH ? "DT_RPATH" : "DT_RUNPATH";
    }
}
