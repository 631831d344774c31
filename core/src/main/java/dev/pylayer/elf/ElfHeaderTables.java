package dev.pylayer.elf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two header tables of an ELF file and what is found through them: the program headers (the segments the
 * loader maps), the section headers (the sections {@code readelf} and the linker see), string tables by section
 * index, and the file offset of a virtual address through the {@code PT_LOAD} segment that maps it.
 */
final class ElfHeaderTables {
    static final int PT_LOAD = 1;
    static final int PT_DYNAMIC = 2;
    static final int PT_INTERP = 3;
    private static final int SHT_NOBITS = 8;
    /** ELF's extended numbering: {@code e_phnum == PN_XNUM} means the count is in section 0's {@code sh_info}. */
    private static final int PN_XNUM = 0xffff;
    /** More program or section headers than this is not a real shared object. */
    private static final long MAX_HEADERS = 65536;

    /** A program header; only {@code PT_LOAD}, {@code PT_DYNAMIC} and {@code PT_INTERP} are kept. */
    record Segment(long type, long offset, long address, long fileSize) {
    }

    record Section(long type, long offset, long size, long link, long info) {
    }

    private final ElfSource source;
    private final List<Segment> segments;
    private final List<Section> sections;

    private ElfHeaderTables(ElfSource source, List<Segment> segments, List<Section> sections) {
        this.source = source;
        this.segments = segments;
        this.sections = sections;
    }

    /** Reads both tables from the locations, entry sizes and counts given in the ELF header. */
    static ElfHeaderTables read(ElfSource source, ElfClass elfClass, long phoff, int phentsize, long phnum,
            long shoff, int shentsize, long shnum) {
        if (shoff != 0 && (shnum == 0 || phnum == PN_XNUM)) {
            checkEntrySize(shentsize, elfClass.sectionHeaderSize(), "e_shentsize");
            Section first = section(source, elfClass, shoff, shentsize, 0);
            if (shnum == 0) {
                shnum = first.size();
            }
            if (phnum == PN_XNUM) {
                phnum = first.info();
            }
        }
        List<Segment> segments = segments(source, elfClass, phoff, phentsize, phnum);
        List<Section> sections = sections(source, elfClass, shoff, shentsize, shnum);
        return new ElfHeaderTables(source, segments, sections);
    }

    private static List<Segment> segments(ElfSource source, ElfClass elfClass, long phoff, int phentsize, long phnum) {
        List<Segment> segments = new ArrayList<>();
        if (phnum == 0) {
            return segments;
        }
        checkEntrySize(phentsize, elfClass.programHeaderSize(), "e_phentsize");
        checkCount(phnum, "program headers");
        source.checkRange(phoff, phnum * phentsize, "program headers");
        for (long i = 0; i < phnum; i++) {
            ByteBuffer b = source.read(phoff + i * phentsize, elfClass.programHeaderSize(), "program header " + i);
            Segment segment = segment(b, 0, elfClass);
            unsigned(segment.offset(), "p_offset");
            unsigned(segment.fileSize(), "p_filesz");
            if (segment.type() == PT_LOAD || segment.type() == PT_DYNAMIC || segment.type() == PT_INTERP) {
                // The loader maps these from the file: one that runs past the end means a cut-short file.
                source.checkRange(segment.offset(), segment.fileSize(),
                        "segment " + i + " (" + segmentName(segment.type()) + ")");
                segments.add(segment);
            }
        }
        return segments;
    }

    /**
     * The program header at {@code at}, its fields as written (a 64-bit offset or size with the top bit set comes out
     * negative: {@link #unsigned} tells it apart).
     */
    static Segment segment(ByteBuffer b, int at, ElfClass elfClass) {
        return elfClass == ElfClass.ELF64
                ? new Segment(Integer.toUnsignedLong(b.getInt(at)), b.getLong(at + 8), b.getLong(at + 16),
                        b.getLong(at + 32))
                : new Segment(Integer.toUnsignedLong(b.getInt(at)), Integer.toUnsignedLong(b.getInt(at + 4)),
                        Integer.toUnsignedLong(b.getInt(at + 8)), Integer.toUnsignedLong(b.getInt(at + 16)));
    }

    private static List<Section> sections(ElfSource source, ElfClass elfClass, long shoff, int shentsize, long shnum) {
        List<Section> sections = new ArrayList<>();
        if (shoff == 0 || shnum == 0) {
            return sections;
        }
        checkEntrySize(shentsize, elfClass.sectionHeaderSize(), "e_shentsize");
        checkCount(shnum, "section headers");
        source.checkRange(shoff, shnum * shentsize, "section headers");
        for (long i = 0; i < shnum; i++) {
            sections.add(section(source, elfClass, shoff, shentsize, i));
        }
        return sections;
    }

    private static Section section(ElfSource source, ElfClass elfClass, long shoff, int shentsize, long index) {
        ByteBuffer b = source.read(shoff + index * shentsize, elfClass.sectionHeaderSize(), "section header " + index);
        return elfClass == ElfClass.ELF64
                ? new Section(Integer.toUnsignedLong(b.getInt(4)), unsigned(b.getLong(24), "sh_offset"),
                        unsigned(b.getLong(32), "sh_size"), Integer.toUnsignedLong(b.getInt(40)),
                        Integer.toUnsignedLong(b.getInt(44)))
                : new Section(Integer.toUnsignedLong(b.getInt(4)), Integer.toUnsignedLong(b.getInt(16)),
                        Integer.toUnsignedLong(b.getInt(20)), Integer.toUnsignedLong(b.getInt(24)),
                        Integer.toUnsignedLong(b.getInt(28)));
    }

    /** The kept segments in file order. */
    List<Segment> segments() {
        return segments;
    }

    /** The first segment of a type ({@code PT_DYNAMIC}), as the loader takes it. */
    Optional<Segment> firstSegment(long type) {
        return segments.stream().filter(s -> s.type() == type).findFirst();
    }

    /** The first section of a type ({@code SHT_DYNAMIC}, {@code SHT_GNU_VERNEED}), as readelf takes it. */
    Optional<Section> firstSection(long type) {
        return sections.stream().filter(s -> s.type() == type).findFirst();
    }

    /** The string table a section links to by index ({@code sh_link}); {@code what} names it for errors. */
    StringTable stringTable(long index, String what) {
        if (index <= 0 || index >= sections.size()) {
            throw new MalformedElfException(what + " is section " + index + ", which does not exist ("
                    + sections.size() + " sections)");
        }
        Section section = sections.get((int) index);
        if (section.type() == SHT_NOBITS) {
            throw new MalformedElfException(what + " (section " + index + ") has no bytes in the file");
        }
        source.checkRange(section.offset(), section.size(), "string table (section " + index + ")");
        return new StringTable(section.offset(), section.size());
    }

    /** The file offset of a virtual address, through the loadable segment that maps it. */
    long fileOffset(long address, String tag) {
        for (Segment segment : segments) {
            if (segment.type() == PT_LOAD && Long.compareUnsigned(address, segment.address()) >= 0
                    && Long.compareUnsigned(address - segment.address(), segment.fileSize()) < 0) {
                return segment.offset() + (address - segment.address());
            }
        }
        throw new MalformedElfException("`" + tag + "` address 0x" + Long.toHexString(address)
                + " lies in no loadable segment");
    }

    /** The file offset where the loadable segment mapping a virtual address ends. */
    long loadedEnd(long address) {
        for (Segment segment : segments) {
            if (segment.type() == PT_LOAD && Long.compareUnsigned(address, segment.address()) >= 0
                    && Long.compareUnsigned(address - segment.address(), segment.fileSize()) < 0) {
                return segment.offset() + segment.fileSize();
            }
        }
        throw new MalformedElfException("address 0x" + Long.toHexString(address) + " lies in no loadable segment");
    }

    /** A 64-bit offset or size read as Java's signed long: one with the top bit set is past any file. */
    static long unsigned(long value, String field) {
        if (value < 0) {
            throw new MalformedElfException("`" + field + "` 0x" + Long.toHexString(value) + " is beyond any file size");
        }
        return value;
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

    private static String segmentName(long type) {
        return type == PT_LOAD ? "PT_LOAD" : type == PT_DYNAMIC ? "PT_DYNAMIC" : "PT_INTERP";
    }
}
