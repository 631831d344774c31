package dev.pylayer.elf;

import dev.pylayer.elf.ElfHeaderTables.Section;
import dev.pylayer.elf.ElfHeaderTables.Segment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the dynamic section says, with string offsets already resolved: the libraries needed, the soname, the run
 * paths, {@code DT_FLAGS_1}, and where the version needs are for a file without section headers.
 *
 * @param strings        the dynamic string table, empty when the section names no strings
 * @param verneedAddress {@code DT_VERNEED}, or -1 when absent
 * @param verneedCount   {@code DT_VERNEEDNUM}, 0 when absent
 */
record DynamicSection(List<String> needed, Optional<String> soname, List<String> runPaths, long flags1,
        Optional<StringTable> strings, long verneedAddress, long verneedCount) {
    private static final int SHT_DYNAMIC = 6;
    static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    static final long DT_STRTAB = 5;
    static final long DT_STRSZ = 10;
    private static final long DT_SONAME = 14;
    private static final long DT_RPATH = 15;
    private static final long DT_RUNPATH = 29;
    private static final long DT_FLAGS_1 = 0x6ffffffbL;
    static final long DT_VERNEED = 0x6ffffffeL;
    private static final long DT_VERNEEDNUM = 0x6fffffffL;
    private static final long DF_1_PIE = 0x08000000L;

    DynamicSection {
        needed = List.copyOf(needed);
        runPaths = List.copyOf(runPaths);
    }

    /** {@code DF_1_PIE} in {@code DT_FLAGS_1}. */
    boolean positionIndependentExecutable() {
        return (flags1 & DF_1_PIE) != 0;
    }

    /**
     * Reads the {@code SHT_DYNAMIC} section with its linked string table, as {@code readelf -d} does; without
     * section headers, the {@code PT_DYNAMIC} segment with {@code DT_STRTAB}, as the loader does.
     */
    static DynamicSection read(ElfSource source, ElfClass elfClass, ElfHeaderTables tables) {
        long offset;
        long size;
        StringTable strings = null;
        Optional<Section> section = tables.firstSection(SHT_DYNAMIC);
        Optional<Segment> segment = tables.firstSegment(ElfHeaderTables.PT_DYNAMIC);
        if (section.isPresent()) {
            offset = section.get().offset();
            size = section.get().size();
            strings = tables.stringTable(section.get().link(), "the dynamic section's string table");
        } else if (segment.isPresent()) {
            offset = segment.get().offset();
            size = segment.get().fileSize();
        } else {
            // a static executable or an object file: nothing needed at run time
            return new DynamicSection(List.of(), Optional.empty(), List.of(), 0, Optional.empty(), -1, 0);
        }
        int entrySize = elfClass.dynamicEntrySize();
        source.checkRange(offset, size, "dynamic section");
        List<long[]> entries = new ArrayList<>();
        long strtab = -1;
        long strsz = -1;
        long flags1 = 0;
        long verneedAddress = -1;
        long verneedCount = 0;
        for (long at = offset; at + entrySize <= offset + size; at += entrySize) {
            ByteBuffer b = source.read(at, entrySize, "dynamic entry");
            long tag = tag(b, 0, elfClass);
            long value = value(b, 0, elfClass);
            if (tag == DT_NULL) {
                break;
            }
            if (tag == DT_STRTAB) {
                strtab = value;
            } else if (tag == DT_STRSZ) {
                strsz = value;
            } else if (tag == DT_FLAGS_1) {
                flags1 = value;
            } else if (tag == DT_VERNEED) {
                verneedAddress = value;
            } else if (tag == DT_VERNEEDNUM) {
                verneedCount = value;
            } else if (tag == DT_NEEDED || tag == DT_SONAME || tag == DT_RPATH || tag == DT_RUNPATH) {
                entries.add(new long[] {tag, value});
            }
        }
        if (strings == null) {
            if (strtab < 0) {
                if (entries.isEmpty()) {
                    return new DynamicSection(List.of(), Optional.empty(), List.of(), flags1, Optional.empty(),
                            verneedAddress, verneedCount);
                }
                throw new MalformedElfException("the dynamic section names libraries but has no `DT_STRTAB`");
            }
            long start = tables.fileOffset(strtab, "DT_STRTAB");
            long end = tables.loadedEnd(strtab);
            strings = new StringTable(start, strsz < 0 ? end - start
                    : Math.min(ElfHeaderTables.unsigned(strsz, "DT_STRSZ"), end - start));
        }
        List<String> needed = new ArrayList<>();
        Optional<String> soname = Optional.empty();
        List<String> runPaths = new ArrayList<>();
        for (long[] entry : entries) {
            String text = strings.string(source, entry[1], tagName(entry[0]));
            if (entry[0] == DT_NEEDED) {
                needed.add(text);
            } else if (entry[0] == DT_SONAME) {
                soname = Optional.of(text);
            } else {
                for (String path : text.split(":")) {
                    if (!path.isEmpty()) {
                        runPaths.add(path);
                    }
                }
            }
        }
        return new DynamicSection(needed, soname, runPaths, flags1, Optional.of(strings), verneedAddress, verneedCount);
    }

    /** {@code d_tag} of the dynamic entry at {@code at} (signed, as the ABI declares it). */
    static long tag(ByteBuffer entries, int at, ElfClass elfClass) {
        return elfClass == ElfClass.ELF64 ? entries.getLong(at) : entries.getInt(at);
    }

    /** {@code d_val} (or {@code d_ptr}) of the dynamic entry at {@code at}. */
    static long value(ByteBuffer entries, int at, ElfClass elfClass) {
        return elfClass == ElfClass.ELF64 ? entries.getLong(at + 8) : Integer.toUnsignedLong(entries.getInt(at + 4));
    }

    private static String tagName(long tag) {
        return tag == DT_NEEDED ? "DT_NEEDED" : tag == DT_SONAME ? "DT_SONAME" : tag == DT_RPATH ? "DT_RPATH" : "DT_RUNPATH";
    }
}
