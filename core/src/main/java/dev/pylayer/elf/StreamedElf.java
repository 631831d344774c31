package dev.pylayer.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An ELF file read from its bytes as they stream past once (a wheel entry being inflated), keeping only the parts
 * {@link ElfReader} reads instead of the whole file:
 * <ul>
 *   <li>the first bytes, up to the length of the array given: the ELF header, the program headers, and where
 *       linkers put {@code .dynstr} and {@code .gnu.version_r} (before the code);</li>
 *   <li>the {@code PT_DYNAMIC} and {@code PT_INTERP} segments and the section header table, at the offsets the
 *       program headers and the ELF header give;</li>
 *   <li>the string table and version needs the dynamic section points at ({@code DT_STRTAB}, {@code DT_VERNEED})
 *       when they come after it, where patchelf (auditwheel) moves them.</li>
 * </ul>
 * A 60 MB extension module is read keeping a few MB. The reading is exactly {@link ElfReader}'s over the kept
 * bytes; when it needs a byte that was not kept (an unusual layout: a string table larger than the first bytes
 * kept, before the dynamic section), {@link #read} says so, and the caller reads the whole file instead.
 *
 * <p>Nothing read while streaming is trusted: the offsets found only choose what to keep, each range is bounded
 * ({@link #MAX_KEPT} in all), and the reader checks everything again as it would on the whole file.
 */
public final class StreamedElf {
    /** All ranges kept past the first bytes, together, at most: a file whose headers claim more is read whole. */
    static final long MAX_KEPT = 16L << 20;

    private final byte[] head;
    /** How many first bytes are kept. */
    private final int headLimit;
    private int headLength;
    private long position;
    private final List<Kept> kept = new ArrayList<>();
    private long keptBytes;
    private boolean planned;
    private ElfClass elfClass;
    private ByteOrder order;
    /** The {@code PT_LOAD} segments, as written. */
    private final List<ElfHeaderTables.Segment> loads = new ArrayList<>();
    private long dynamicStart = -1;
    private long dynamicEnd = -1;
    private boolean dynamicFollowed;

    /** A range of the file past the first bytes, filled as the stream passes it. */
    private record Kept(long start, byte[] bytes) {
        long end() {
            return start + bytes.length;
        }
    }

    /**
     * @param buffer    where the first bytes are kept (it may hold anything: it is written before it is read)
     * @param headLimit how many first bytes are kept, at most the buffer's length
     */
    public StreamedElf(byte[] buffer, int headLimit) {
        if (headLimit < 0 || headLimit > buffer.length) {
            throw new IllegalArgumentException("head limit " + headLimit + " outside the buffer's " + buffer.length + " bytes");
        }
        this.head = buffer;
        this.headLimit = headLimit;
    }

    /** Keeps the first {@code head.length} bytes in {@code head}. */
    public StreamedElf(byte[] head) {
        this(head, head.length);
    }

    /**
     * The next bytes of the file, in order. They are taken in pieces that end where the plan can change (the end of
     * the first bytes, the end of the dynamic section), so that whatever the plan then adds is still ahead.
     */
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            int n = (int) Math.min(length, nextStop() - position);
            take(bytes, offset, n);
            offset += n;
            length -= n;
            if (!planned) {
                plan();
            }
            if (!dynamicFollowed && dynamicEnd >= 0 && position >= dynamicEnd) {
                dynamicFollowed = true;
                byte[] section = bytesOf(dynamicStart, dynamicEnd);
                if (section != null) {
                    followDynamic(section);
                }
            }
        }
    }

    /** The next position at which the plan may change. */
    private long nextStop() {
        long stop = Long.MAX_VALUE;
        if (headLength < headLimit) {
            stop = headLimit;
        }
        if (!dynamicFollowed && dynamicEnd > position) {
            stop = Math.min(stop, dynamicEnd);
        }
        return stop;
    }

    private void take(byte[] bytes, int offset, int length) {
        if (headLength < headLimit) {
            int n = Math.min(length, headLimit - headLength);
            System.arraycopy(bytes, offset, head, headLength, n);
            headLength += n;
        }
        long from = position;
        position += length;
        for (int i = 0; i < kept.size(); i++) {
            Kept range = kept.get(i);
            long start = Math.max(from, range.start());
            long end = Math.min(position, range.end());
            if (start < end) {
                System.arraycopy(bytes, offset + (int) (start - from), range.bytes(), (int) (start - range.start()),
                        (int) (end - start));
            }
        }
    }

    /**
     * The reading of the file, from the bytes kept; empty when the reading needed bytes that were not kept (read
     * the whole file then). Throws what {@link ElfReader} throws for the whole file.
     */
    public Optional<ElfFile> read() {
        try {
            return Optional.of(ElfReader.read(new KeptSource()));
        } catch (NotKept e) {
            return Optional.empty();
        }
    }

    /** Once the ELF header and program headers are among the first bytes: what to keep of the rest. */
    private void plan() {
        int minimum = Math.min(64, headLimit);
        if (headLength < minimum) {
            return;
        }
        if (headLength < 64 || !ElfReader.hasElfMagic(head) || (head[4] != 1 && head[4] != 2)
                || (head[5] != 1 && head[5] != 2)) {
            planned = true;
            return;
        }
        elfClass = head[4] == 2 ? ElfClass.ELF64 : ElfClass.ELF32;
        order = head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer bytes = ByteBuffer.wrap(head, 0, headLength).order(order);
        ElfHeader header = ElfHeader.of(bytes, elfClass);
        long phoff = header.phoff();
        int phentsize = header.phentsize();
        long programHeadersEnd = phoff + (long) header.phnum() * phentsize;
        // Program headers that do not lie among the first bytes are not followed: the reading will say so.
        boolean followable = phoff >= 0 && phoff <= headLimit && phentsize >= elfClass.programHeaderSize()
                && programHeadersEnd <= headLimit;
        if (followable && programHeadersEnd > headLength) {
            return; // the program headers are still to come
        }
        planned = true;
        if (header.shoff() > 0 && header.shnum() > 0) {
            keep(header.shoff(), (long) header.shnum() * header.shentsize());
        }
        if (!followable) {
            return;
        }
        for (int i = 0; i < header.phnum(); i++) {
            ElfHeaderTables.Segment segment = ElfHeaderTables.segment(bytes, (int) (phoff + (long) i * phentsize), elfClass);
            long offset = segment.offset();
            long fileSize = segment.fileSize();
            if (segment.type() == ElfHeaderTables.PT_LOAD) {
                loads.add(segment);
            } else if (segment.type() == ElfHeaderTables.PT_INTERP) {
                keep(offset, fileSize);
            } else if (segment.type() == ElfHeaderTables.PT_DYNAMIC && dynamicEnd < 0 && offset >= 0 && fileSize > 0
                    && offset + fileSize > 0) {
                // the first, as the loader takes it
                dynamicStart = offset;
                dynamicEnd = offset + fileSize;
                keep(offset, fileSize);
            }
        }
    }

    /** The bytes of a range that lies among the first bytes or in one range kept, when it has streamed past. */
    private byte[] bytesOf(long start, long end) {
        if (end > position) {
            return null;
        }
        if (end <= headLength) {
            return Arrays.copyOfRange(head, (int) start, (int) end);
        }
        for (Kept range : kept) {
            if (start >= range.start() && end <= range.end()) {
                return Arrays.copyOfRange(range.bytes(), (int) (start - range.start()), (int) (end - range.start()));
            }
        }
        return null;
    }

    /**
     * Keeps the string table and version needs the complete dynamic section points at, when they are still ahead
     * in the stream (patchelf moves them past the dynamic section); those behind it are among the first bytes, or
     * were not kept.
     */
    private void followDynamic(byte[] section) {
        int entrySize = elfClass.dynamicEntrySize();
        ByteBuffer entries = ByteBuffer.wrap(section).order(order);
        long strtab = -1;
        long strsz = -1;
        long verneed = -1;
        for (int at = 0; at + entrySize <= section.length; at += entrySize) {
            long tag = DynamicSection.tag(entries, at, elfClass);
            long value = DynamicSection.value(entries, at, elfClass);
            if (tag == DynamicSection.DT_NULL) {
                break;
            } else if (tag == DynamicSection.DT_STRTAB) {
                strtab = value;
            } else if (tag == DynamicSection.DT_STRSZ) {
                strsz = value;
            } else if (tag == DynamicSection.DT_VERNEED) {
                verneed = value;
            }
        }
        keepMapped(strtab, strsz);
        keepMapped(verneed, -1);
    }

    /** Keeps {@code length} bytes (to the end of its segment when -1) at a virtual address, if still ahead. */
    private void keepMapped(long address, long length) {
        if (address < 0) {
            return;
        }
        for (ElfHeaderTables.Segment load : loads) {
            long offset = load.offset();
            long start = load.address();
            long fileSize = load.fileSize();
            if (offset >= 0 && fileSize > 0 && Long.compareUnsigned(address - start, fileSize) < 0
                    && Long.compareUnsigned(address, start) >= 0) {
                long at = offset + (address - start);
                long room = offset + fileSize - at;
                keep(at, length < 0 ? Math.min(room, 1L << 20) : Math.min(room, length));
                return;
            }
        }
    }

    /**
     * Keeps a range not among the first bytes, from here on; any part of it that streamed past already must be
     * among the first bytes (only the first bytes have streamed past when the plan is made).
     */
    private void keep(long offset, long length) {
        if (offset < 0 || length <= 0 || offset + length < 0 || offset + length <= headLimit
                || keptBytes + length > MAX_KEPT || (offset < position && position > headLength)) {
            return;
        }
        Kept range = new Kept(offset, new byte[(int) length]);
        if (offset < position) {
            System.arraycopy(head, (int) offset, range.bytes(), 0, (int) (position - offset));
        }
        kept.add(range);
        keptBytes += length;
    }

    /** The reader asked for bytes that were not kept. */
    private static final class NotKept extends RuntimeException {
        NotKept() {
            super(null, null, false, false);
        }
    }

    /** The kept bytes as the reader's source; the size is that of the whole file. */
    private final class KeptSource extends ElfSource {
        @Override
        long size() {
            return position;
        }

        @Override
        void fill(long offset, ByteBuffer target) {
            int length = target.remaining();
            if (offset + length <= headLength) {
                target.put(head, (int) offset, length);
                return;
            }
            for (Kept range : kept) {
                if (offset >= range.start() && offset + length <= Math.min(range.end(), position)) {
                    target.put(range.bytes(), (int) (offset - range.start()), length);
                    return;
                }
            }
            throw new NotKept();
        }
    }
}
