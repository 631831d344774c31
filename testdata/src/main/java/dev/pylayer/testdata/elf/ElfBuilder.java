package dev.pylayer.testdata.elf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes small but valid ELF files for tests: a shared object (or executable) with the chosen machine, class, byte
 * order, program interpreter, {@code DT_NEEDED}/{@code DT_SONAME}/{@code DT_RUNPATH} entries and
 * {@code .gnu.version_r} needs, laid out the way {@code ld} lays them out (one loadable segment mapping the file
 * from address 0, the dynamic string table, version needs and dynamic section inside it, section headers at the
 * end). {@code readelf -h -d -V} reads the result without complaint. {@link Corruption}s and {@link #truncated}
 * make the hostile variants.
 *
 * <pre>{@code
 * byte[] so = ElfBuilder.x86_64().needed("libc.so.6").versionNeed("libc.so.6", "GLIBC_2.17", "GLIBC_2.28").toBytes();
 * }</pre>
 */
public final class ElfBuilder {
    public static final int EM_386 = 3;
    public static final int EM_PPC64 = 21;
    public static final int EM_S390 = 22;
    public static final int EM_ARM = 40;
    public static final int EM_X86_64 = 62;
    public static final int EM_AARCH64 = 183;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;

    /** Damage to build into the file; each makes a reader's bounds checks fire in a different place. */
    public enum Corruption {
        /** {@code EI_CLASS} 3: neither 32 nor 64 bit. */
        BAD_CLASS,
        /** {@code EI_DATA} 0: no byte order. */
        BAD_BYTE_ORDER,
        /** {@code e_shoff} points into the last bytes of the file, so the table runs past the end. */
        SECTION_HEADERS_PAST_END,
        /** {@code e_shnum} 60000 with a file of a few hundred bytes. */
        HUGE_SECTION_COUNT,
        /** {@code e_shentsize} 8, smaller than one section header. */
        TINY_SECTION_ENTRY_SIZE,
        /** {@code e_phoff} beyond the end of the file. */
        PROGRAM_HEADERS_PAST_END,
        /** The dynamic string table's {@code sh_size} is a gigabyte. */
        STRING_TABLE_PAST_END,
        /** The first {@code DT_NEEDED} points outside the string table. */
        STRING_INDEX_OUTSIDE_TABLE,
        /** The string table ends without its final NUL. */
        UNTERMINATED_STRING,
        /** The dynamic section's {@code sh_link} names section 99. */
        LINK_TO_MISSING_SECTION,
        /** {@code .gnu.version_r}'s {@code sh_info} claims 1000 entries. */
        VERSION_NEED_COUNT_TOO_LARGE,
        /** The first {@code Verneed}'s {@code vn_next} jumps far past the table. */
        VERSION_NEED_NEXT_OUTSIDE,
        /** The first {@code Verneed}'s {@code vn_aux} jumps far past the table. */
        VERSION_AUX_OUTSIDE,
    }

    private final int machine;
    private boolean elf64 = true;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private int type = ET_DYN;
    private String interpreter;
    private final List<String> needed = new ArrayList<>();
    private String soname;
    private String runPath;
    private boolean pie;
    private final Map<String, List<String>> versionNeeds = new LinkedHashMap<>();
    private final Set<String> weak = new java.util.HashSet<>();
    private boolean sectionHeaders = true;
    private int padding;
    private int code;
    private int leadingCode;
    private boolean stringsAfterDynamic;
    private final Set<Corruption> corruptions = EnumSet.noneOf(Corruption.class);

    private ElfBuilder(int machine) {
        this.machine = machine;
    }

    /** An ELF64 little-endian shared object for {@code e_machine}. */
    public static ElfBuilder sharedObject(int machine) {
        return new ElfBuilder(machine);
    }

    public static ElfBuilder x86_64() {
        return sharedObject(EM_X86_64);
    }

    public static ElfBuilder aarch64() {
        return sharedObject(EM_AARCH64);
    }

    /** ELF32 instead of ELF64. */
    public ElfBuilder elf32() {
        this.elf64 = false;
        return this;
    }

    public ElfBuilder bigEndian() {
        this.order = ByteOrder.BIG_ENDIAN;
        return this;
    }

    /** {@code e_type}, e.g. {@link #ET_EXEC}. */
    public ElfBuilder type(int eType) {
        this.type = eType;
        return this;
    }

    /** A {@code PT_INTERP} segment, e.g. {@code /lib/ld-musl-x86_64.so.1}. */
    public ElfBuilder interpreter(String path) {
        this.interpreter = path;
        return this;
    }

    public ElfBuilder needed(String... libraries) {
        needed.addAll(List.of(libraries));
        return this;
    }

    public ElfBuilder soname(String name) {
        this.soname = name;
        return this;
    }

    /** A {@code DT_RUNPATH} such as {@code $ORIGIN/../foo.libs}. */
    public ElfBuilder runPath(String path) {
        this.runPath = path;
        return this;
    }

    /** {@code DF_1_PIE} in {@code DT_FLAGS_1}: a position-independent executable. */
    public ElfBuilder pie() {
        this.pie = true;
        return this;
    }

    /** Versions needed from {@code library}, e.g. {@code ("libc.so.6", "GLIBC_2.17", "GLIBC_2.28")}. */
    public ElfBuilder versionNeed(String library, String... versions) {
        versionNeeds.computeIfAbsent(library, l -> new ArrayList<>()).addAll(List.of(versions));
        return this;
    }

    /** A version needed with {@code VER_FLG_WEAK}. */
    public ElfBuilder weakVersionNeed(String library, String version) {
        versionNeed(library, version);
        weak.add(library + "\0" + version);
        return this;
    }

    /** No section header table ({@code e_shoff} 0), as {@code sstrip} leaves a file: readers must use the program headers. */
    public ElfBuilder withoutSectionHeaders() {
        this.sectionHeaders = false;
        return this;
    }

    /** Zero bytes inside the loaded segment, to make a large file. */
    public ElfBuilder padding(int bytes) {
        this.padding = bytes;
        return this;
    }

    /** Zero bytes between the version needs and the dynamic section, where a real library has its code. */
    public ElfBuilder code(int bytes) {
        this.code = bytes;
        return this;
    }

    /** Zero bytes right after the program headers, before the string tables: code first, as some linkers lay it out. */
    public ElfBuilder leadingCode(int bytes) {
        this.leadingCode = bytes;
        return this;
    }

    /**
     * The dynamic string table and version needs after the dynamic section (and any {@link #padding}), as patchelf
     * leaves a library whose needed libraries or run path auditwheel rewrote.
     */
    public ElfBuilder stringsAfterDynamic() {
        this.stringsAfterDynamic = true;
        return this;
    }

    public ElfBuilder corrupt(Corruption corruption) {
        corruptions.add(corruption);
        return this;
    }

    /** The first {@code length} bytes of a file: a transfer cut short. */
    public static byte[] truncated(byte[] elf, int length) {
        return Arrays.copyOf(elf, Math.min(length, elf.length));
    }

    /** Builds the file. */
    public byte[] toBytes() {
        int ehsize = elf64 ? 64 : 52;
        int phentsize = elf64 ? 56 : 32;
        int shentsize = elf64 ? 64 : 40;
        int dynentsize = elf64 ? 16 : 8;
        int phnum = 2 + (interpreter != null ? 1 : 0);

        StringTable dynstr = new StringTable();
        List<long[]> dynamic = new ArrayList<>();
        for (String library : needed) {
            dynamic.add(new long[] {1, dynstr.add(library)});
        }
        if (soname != null) {
            dynamic.add(new long[] {14, dynstr.add(soname)});
        }
        if (runPath != null) {
            dynamic.add(new long[] {29, dynstr.add(runPath)});
        }
        // Version needs: names first, so the table can point at them.
        List<int[]> needEntries = new ArrayList<>(); // {fileName, count}
        List<int[]> auxEntries = new ArrayList<>(); // {hash, flags, other, name}
        int versionIndex = 2;
        for (Map.Entry<String, List<String>> need : versionNeeds.entrySet()) {
            needEntries.add(new int[] {dynstr.add(need.getKey()), need.getValue().size()});
            for (String version : need.getValue()) {
                int flags = weak.contains(need.getKey() + "\0" + version) ? 2 : 0;
                auxEntries.add(new int[] {(int) elfHash(version), flags, versionIndex++, dynstr.add(version)});
            }
        }
        byte[] dynstrBytes = dynstr.bytes();
        if (corruptions.contains(Corruption.UNTERMINATED_STRING)) {
            dynstrBytes = Arrays.copyOf(dynstrBytes, dynstrBytes.length - 1);
        }

        int phoff = ehsize;
        int at = phoff + phnum * phentsize + leadingCode;
        int interpOffset = at;
        byte[] interpBytes = interpreter == null ? new byte[0] : (interpreter + "\0").getBytes(StandardCharsets.UTF_8);
        at += interpBytes.length;
        int verneedSize = needEntries.size() * 16 + auxEntries.size() * 16;
        int dynamicEntries = dynamic.size() + (versionNeeds.isEmpty() ? 0 : 2) + (pie ? 1 : 0) + 3;
        int dynamicSize = dynamicEntries * dynentsize;
        int dynstrOffset;
        int verneedOffset;
        int dynamicOffset;
        if (stringsAfterDynamic) {
            at += code;
            at = align(at, 8);
            dynamicOffset = at;
            at += dynamicSize + padding;
            dynstrOffset = at;
            at += dynstrBytes.length;
            at = align(at, 8);
            verneedOffset = at;
            at += verneedSize;
        } else {
            dynstrOffset = at;
            at += dynstrBytes.length;
            at = align(at, 8);
            verneedOffset = at;
            at += verneedSize;
            at += code;
            at = align(at, 8);
            dynamicOffset = at;
            at += dynamicSize + padding;
        }
        if (!versionNeeds.isEmpty()) {
            dynamic.add(new long[] {0x6ffffffeL, verneedOffset});
            dynamic.add(new long[] {0x6fffffffL, needEntries.size()});
        }
        if (pie) {
            dynamic.add(new long[] {0x6ffffffbL, 0x08000000L});
        }
        dynamic.add(new long[] {5, dynstrOffset});
        dynamic.add(new long[] {10, dynstrBytes.length});
        dynamic.add(new long[] {0, 0});
        int loadEnd = at;

        StringTable shstr = new StringTable();
        int interpName = shstr.add(".interp");
        int dynstrName = shstr.add(".dynstr");
        int verneedName = shstr.add(".gnu.version_r");
        int dynamicName = shstr.add(".dynamic");
        int shstrName = shstr.add(".shstrtab");
        byte[] shstrBytes = shstr.bytes();
        int shstrOffset = at;
        at += shstrBytes.length;
        at = align(at, 8);
        int shoff = at;

        List<long[]> sections = new ArrayList<>(); // {name, type, flags, addr/offset, size, link, info, align, entsize}
        sections.add(new long[9]);
        if (interpreter != null) {
            sections.add(new long[] {interpName, 1, 2, interpOffset, interpBytes.length, 0, 0, 1, 0});
        }
        int dynstrIndex = sections.size();
        long dynstrSize = corruptions.contains(Corruption.STRING_TABLE_PAST_END) ? 1L << 30 : dynstrBytes.length;
        sections.add(new long[] {dynstrName, 3, 2, dynstrOffset, dynstrSize, 0, 0, 1, 0});
        if (!versionNeeds.isEmpty()) {
            long count = corruptions.contains(Corruption.VERSION_NEED_COUNT_TOO_LARGE) ? 1000 : needEntries.size();
            sections.add(new long[] {verneedName, 0x6ffffffeL, 2, verneedOffset, verneedSize, dynstrIndex, count, 8, 0});
        }
        long dynamicLink = corruptions.contains(Corruption.LINK_TO_MISSING_SECTION) ? 99 : dynstrIndex;
        sections.add(new long[] {dynamicName, 6, 3, dynamicOffset, dynamicSize, dynamicLink, 0, 8, dynentsize});
        int shstrIndex = sections.size();
        sections.add(new long[] {shstrName, 3, 0, shstrOffset, shstrBytes.length, 0, 0, 1, 0});
        int fileSize = sectionHeaders ? shoff + sections.size() * shentsize : shoff;

        ByteBuffer out = ByteBuffer.allocate(fileSize).order(order);
        // ELF header
        out.put(new byte[] {0x7f, 'E', 'L', 'F'});
        out.put((byte) (corruptions.contains(Corruption.BAD_CLASS) ? 3 : elf64 ? 2 : 1));
        out.put((byte) (corruptions.contains(Corruption.BAD_BYTE_ORDER) ? 0 : order == ByteOrder.LITTLE_ENDIAN ? 1 : 2));
        out.put((byte) 1); // EI_VERSION
        out.position(16);
        out.putShort((short) type);
        out.putShort((short) machine);
        out.putInt(1);
        long writtenPhoff = corruptions.contains(Corruption.PROGRAM_HEADERS_PAST_END) ? fileSize + 4096L : phoff;
        long writtenShoff = !sectionHeaders ? 0
                : corruptions.contains(Corruption.SECTION_HEADERS_PAST_END) ? fileSize - 10L : shoff;
        putWord(out, 0); // e_entry
        putWord(out, writtenPhoff);
        putWord(out, writtenShoff);
        out.putInt(0); // e_flags
        out.putShort((short) ehsize);
        out.putShort((short) phentsize);
        out.putShort((short) phnum);
        out.putShort((short) (corruptions.contains(Corruption.TINY_SECTION_ENTRY_SIZE) ? 8 : shentsize));
        int shnum = !sectionHeaders ? 0 : corruptions.contains(Corruption.HUGE_SECTION_COUNT) ? 60000 : sections.size();
        out.putShort((short) shnum);
        out.putShort((short) (sectionHeaders ? shstrIndex : 0));

        // Program headers: PT_LOAD over the file from address 0, PT_DYNAMIC, PT_INTERP.
        out.position(phoff);
        putSegment(out, 1, 0, loadEnd, 5);
        putSegment(out, 2, dynamicOffset, dynamicSize, 6);
        if (interpreter != null) {
            putSegment(out, 3, interpOffset, interpBytes.length, 4);
        }

        out.position(interpOffset);
        out.put(interpBytes);
        out.position(dynstrOffset);
        out.put(dynstrBytes);

        out.position(verneedOffset);
        int aux = 0;
        for (int i = 0; i < needEntries.size(); i++) {
            int[] need = needEntries.get(i);
            int entryStart = out.position();
            out.putShort((short) 1); // vn_version
            out.putShort((short) need[1]);
            out.putInt(need[0]);
            boolean first = i == 0;
            out.putInt(first && corruptions.contains(Corruption.VERSION_AUX_OUTSIDE) ? 1 << 20 : 16);
            int next = 16 + need[1] * 16;
            boolean last = i == needEntries.size() - 1;
            out.putInt(first && corruptions.contains(Corruption.VERSION_NEED_NEXT_OUTSIDE) ? 1 << 24 : last ? 0 : next);
            for (int j = 0; j < need[1]; j++) {
                int[] entry = auxEntries.get(aux++);
                out.putInt(entry[0]);
                out.putShort((short) entry[1]);
                out.putShort((short) entry[2]);
                out.putInt(entry[3]);
                out.putInt(j == need[1] - 1 ? 0 : 16);
            }
            out.position(entryStart + next);
        }

        out.position(dynamicOffset);
        boolean firstNeeded = true;
        for (long[] entry : dynamic) {
            long value = entry[1];
            if (entry[0] == 1 && firstNeeded && corruptions.contains(Corruption.STRING_INDEX_OUTSIDE_TABLE)) {
                value = dynstrBytes.length + 100L;
            }
            if (entry[0] == 1) {
                firstNeeded = false;
            }
            putWord(out, entry[0]);
            putWord(out, value);
        }

        if (sectionHeaders) {
            out.position(shstrOffset);
            out.put(shstrBytes);
            out.position(shoff);
            for (long[] section : sections) {
                putSection(out, section);
            }
        }
        return out.array();
    }

    private void putWord(ByteBuffer out, long value) {
        if (elf64) {
            out.putLong(value);
        } else {
            out.putInt((int) value);
        }
    }

    private void putSegment(ByteBuffer out, int type, long offset, long size, int flags) {
        if (elf64) {
            out.putInt(type);
            out.putInt(flags);
            out.putLong(offset);
            out.putLong(offset); // p_vaddr: the file is mapped from address 0
            out.putLong(offset);
            out.putLong(size);
            out.putLong(size);
            out.putLong(type == 1 ? 0x1000 : 8);
        } else {
            out.putInt(type);
            out.putInt((int) offset);
            out.putInt((int) offset);
            out.putInt((int) offset);
            out.putInt((int) size);
            out.putInt((int) size);
            out.putInt(flags);
            out.putInt(type == 1 ? 0x1000 : 4);
        }
    }

    /** {name, type, flags, offset (= address when allocated), size, link, info, align, entsize}. */
    private void putSection(ByteBuffer out, long[] s) {
        out.putInt((int) s[0]);
        out.putInt((int) s[1]);
        putWord(out, s[2]);
        putWord(out, (s[2] & 2) != 0 ? s[3] : 0);
        putWord(out, s[3]);
        putWord(out, s[4]);
        out.putInt((int) s[5]);
        out.putInt((int) s[6]);
        putWord(out, s[7]);
        putWord(out, s[8]);
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    /** The SysV ELF hash, which {@code vna_hash} holds for each version name. */
    static long elfHash(String name) {
        long h = 0;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h << 4) + (b & 0xff);
            long g = h & 0xf0000000L;
            if (g != 0) {
                h ^= g >>> 24;
            }
            h &= ~g;
        }
        return h & 0xffffffffL;
    }

    /** A string table starting with the empty string, sharing nothing (ld merges suffixes; readers need not care). */
    private static final class StringTable {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Map<String, Integer> offsets = new LinkedHashMap<>();

        StringTable() {
            bytes.write(0);
        }

        int add(String text) {
            return offsets.computeIfAbsent(text, t -> {
                int offset = bytes.size();
                bytes.writeBytes(t.getBytes(StandardCharsets.UTF_8));
                bytes.write(0);
                return offset;
            });
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
