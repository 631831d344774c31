package dev.pylayer.zip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One central directory record (APPNOTE 4.3.12) with its Zip64 extra applied (4.5.3): what a reader needs to find,
 * judge and check an entry's data.
 *
 * @param position           where the record starts in the file
 * @param flags              the general purpose bits (bit 0: encrypted)
 * @param method             0 stored, 8 deflated, anything else unsupported here
 * @param externalAttributes the host's attributes; on Unix the file mode in the upper 16 bits
 * @param name               the name's raw bytes
 */
public record CentralRecord(long position, int flags, int method, long crc, long compressedSize, long size,
        long localHeaderOffset, long externalAttributes, byte[] name) {
    public static final int SIGNATURE = 0x02014b50;
    public static final int SIZE = 46;
    public static final int ENCRYPTED = 1;
    public static final int LOCAL_SIGNATURE = 0x04034b50;
    /** The fixed part of a local header; the name and the extra field follow. */
    public static final int LOCAL_SIZE = 30;
    /** A 32-bit size or offset field holding this says "see the Zip64 extra field". */
    static final long ZIP64_MAGIC = 0xffffffffL;
    /** The header id of the Zip64 extended information extra field (APPNOTE 4.5.3). */
    static final int ZIP64_EXTRA = 0x0001;

    /**
     * The name as pylayer reads every wheel's names: UTF-8 whatever the language-encoding bit says (wheels are
     * written by Python tools, which write UTF-8), bytes that are not UTF-8 replaced by U+FFFD, as Commons Compress
     * decodes them.
     */
    public String nameText() {
        return new String(name, StandardCharsets.UTF_8);
    }

    public boolean encrypted() {
        return (flags & ENCRYPTED) != 0;
    }

    /** The Unix file mode in the external attributes ({@code S_IFREG | 0644}, say); 0 when none is given. */
    public int unixMode() {
        return (int) ((externalAttributes >> 16) & 0xffff);
    }

    /** How many bytes from {@link #localHeaderOffset} {@link #dataOffset} needs: the fixed part and the name. */
    public int localHeaderLength() {
        return LOCAL_SIZE + name.length;
    }

    /**
     * Fails unless its local header and data can lie before the central directory at {@code directoryOffset}:
     * entries precede the directory, and one that overlaps it (or starts before the file) is a forged offset.
     */
    public void checkBefore(long directoryOffset) throws IOException {
        if (localHeaderOffset < 0 || localHeaderOffset > directoryOffset - LOCAL_SIZE - name.length - compressedSize) {
            throw new IOException("`" + nameText() + "` at byte " + localHeaderOffset
                    + " runs into the central directory at byte " + directoryOffset);
        }
    }

    /**
     * Where its data starts, from its local header, which {@code header} holds ({@link #localHeaderLength} bytes
     * from {@link #localHeaderOffset}). As Python's {@code zipfile}, which pip installs with, the header must be one
     * ("Bad magic number for file header") and name the same file ("File name in directory … and header …
     * differ"); and the data must end before the central directory at {@code directoryOffset}.
     */
    public long dataOffset(ZipWindow header, long directoryOffset) throws IOException {
        long local = localHeaderOffset;
        if (header.u32(local) != LOCAL_SIGNATURE) {
            throw new IOException("no local header at byte " + local + ", where the directory puts `" + nameText() + "`");
        }
        int localName = header.u16(local + 26);
        int at = header.index(local + LOCAL_SIZE);
        if (localName != name.length || !Arrays.equals(header.bytes(), at, at + localName, name, 0, name.length)) {
            throw new IOException("the local header at byte " + local + " names another file than `" + nameText() + "`");
        }
        long data = local + LOCAL_SIZE + localName + header.u16(local + 28);
        if (data > directoryOffset - compressedSize) {
            throw new IOException("`" + nameText() + "` at byte " + data + " runs into the central directory at byte "
                    + directoryOffset);
        }
        return data;
    }

    /**
     * Every record of the directory, in its order. As Python's {@code zipfile}, the directory's bytes decide, not
     * the end record's count: each record must start where the one before ends, with the record signature, and end
     * inside the directory.
     */
    public static List<CentralRecord> all(ZipCentralDirectory directory) throws IOException {
        ZipWindow window = directory.window();
        long at = directory.offset();
        long stop = at + directory.length();
        List<CentralRecord> records = new ArrayList<>();
        while (at < stop) {
            long next = end(window, at, stop);
            records.add(at(window, at));
            at = next;
        }
        return records;
    }

    /**
     * Where the record at {@code at} ends, after checking that it is one and fits before {@code stop}, the end of the
     * directory in {@code window}.
     */
    public static long end(ZipWindow window, long at, long stop) throws IOException {
        if (stop - at < SIZE || window.u32(at) != SIGNATURE) {
            throw new IOException("no central directory record at byte " + at);
        }
        long next = at + SIZE + window.u16(at + 28) + window.u16(at + 30) + window.u16(at + 32);
        if (next > stop) {
            throw new IOException("the central directory record at byte " + at + " runs past the directory");
        }
        return next;
    }

    /** The record at {@code position}, which {@link #end} has checked lies whole in {@code window}. */
    public static CentralRecord at(ZipWindow window, long position) throws IOException {
        int nameLength = window.u16(position + 28);
        long compressed = window.u32(position + 20);
        long size = window.u32(position + 24);
        long local = window.u32(position + 42);
        long extra = position + SIZE + nameLength;
        long extraEnd = extra + window.u16(position + 30);
        if (size == ZIP64_MAGIC || compressed == ZIP64_MAGIC || local == ZIP64_MAGIC) {
            long field = zip64Extra(window, extra, extraEnd, position);
            long fieldsEnd = field + window.u16(field - 2);
            // Only the fields whose 32-bit value is the magic are present, in this order.
            if (size == ZIP64_MAGIC) {
                size = zip64Field(window, field, fieldsEnd, position);
                field += 8;
            }
            if (compressed == ZIP64_MAGIC) {
                compressed = zip64Field(window, field, fieldsEnd, position);
                field += 8;
            }
            if (local == ZIP64_MAGIC) {
                local = zip64Field(window, field, fieldsEnd, position);
            }
        }
        int name = window.index(position + SIZE);
        return new CentralRecord(position, window.u16(position + 8), window.u16(position + 10), window.u32(position + 16),
                compressed, size, local, window.u32(position + 38),
                Arrays.copyOfRange(window.bytes(), name, name + nameLength));
    }

    private static long zip64Extra(ZipWindow window, long at, long end, long record) throws IOException {
        while (end - at >= 4) {
            int id = window.u16(at);
            long next = at + 4 + window.u16(at + 2);
            if (next > end) {
                break;
            }
            if (id == ZIP64_EXTRA) {
                return at + 4;
            }
            at = next;
        }
        throw new IOException("the central directory record at byte " + record
                + " needs a Zip64 extra field and has none");
    }

    private static long zip64Field(ZipWindow window, long at, long end, long record) throws IOException {
        long value = at + 8 <= end ? window.u64(at) : -1;
        if (value < 0) {
            throw new IOException("the Zip64 extra field of the central directory record at byte " + record
                    + " is too short or out of range");
        }
        return value;
    }

    @Override
    public String toString() {
        return "CentralRecord[" + nameText() + " at " + position + "]";
    }
}
