package dev.pylayer.index;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Zips written byte by byte (APPNOTE 4.3), for the forms real tools write that Commons Compress or
 * {@code java.util.zip} do not write on request (Zip64 records on a small file, data descriptors with zeroed local
 * sizes, odd methods and flags), with the offsets of every record so a test can damage exactly one field.
 */
final class TestZip {
    private record Entry(String name, byte[] data, int method, int flags, boolean descriptor) {
    }

    /** Where each record landed in {@link #bytes}. */
    record Built(byte[] bytes, Map<String, Integer> local, Map<String, Integer> central, int directory, int end) {
        /** A copy with {@code width} little-endian bytes of {@code value} at {@code at}. */
        byte[] patched(int at, int width, long value) {
            return patch(bytes.clone(), at, width, value);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private boolean zip64Entries;
    private boolean zip64End;
    private byte[] comment = new byte[0];

    static TestZip zip() {
        return new TestZip();
    }

    TestZip deflated(String name, String text) {
        return entry(name, text.getBytes(StandardCharsets.UTF_8), 8, 0, false);
    }

    TestZip stored(String name, String text) {
        return entry(name, text.getBytes(StandardCharsets.UTF_8), 0, 0, false);
    }

    /** {@code method} 0 is stored and 8 deflated; any other method stores the bytes as they are under that number. */
    TestZip entry(String name, byte[] data, int method, int flags, boolean descriptor) {
        entries.add(new Entry(name, data, method, flags | (descriptor ? 8 : 0), descriptor));
        return this;
    }

    /** Every entry's sizes and offset as 0xFFFFFFFF with a Zip64 extra field, as some writers do even for small files. */
    TestZip zip64Entries() {
        zip64Entries = true;
        return this;
    }

    /** A Zip64 end record and locator before the end record, whose fields are then all 0xFFFF…. */
    TestZip zip64End() {
        zip64End = true;
        return this;
    }

    TestZip comment(String text) {
        comment = text.getBytes(StandardCharsets.ISO_8859_1);
        return this;
    }

    Built build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Integer> local = new LinkedHashMap<>();
        List<byte[]> compressed = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (Entry entry : entries) {
            byte[] data = entry.method() == 8 ? deflate(entry.data()) : entry.data();
            compressed.add(data);
            offsets.add(out.size());
            local.put(entry.name(), out.size());
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            byte[] extra = zip64Entries ? le(0x0001, 2, 16, 2, entry.data().length, 8, data.length, 8) : new byte[0];
            long sizes = entry.descriptor() ? 0 : zip64Entries ? 0xffffffffL : -1;
            write(out, le(0x04034b50, 4, 45, 2, entry.flags(), 2, entry.method(), 2, 0, 2, 0x21, 2,
                    entry.descriptor() ? 0 : crc(entry.data()), 4, sizes >= 0 ? sizes : data.length, 4,
                    sizes >= 0 ? sizes : entry.data().length, 4, name.length, 2, extra.length, 2));
            write(out, name);
            write(out, extra);
            write(out, data);
            if (entry.descriptor()) {
                write(out, zip64Entries ? le(0x08074b50, 4, crc(entry.data()), 4, data.length, 8, entry.data().length, 8)
                        : le(0x08074b50, 4, crc(entry.data()), 4, data.length, 4, entry.data().length, 4));
            }
        }
        int directory = out.size();
        Map<String, Integer> central = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            central.put(entry.name(), out.size());
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            byte[] extra = zip64Entries
                    ? le(0x0001, 2, 24, 2, entry.data().length, 8, compressed.get(i).length, 8, offsets.get(i), 8) : new byte[0];
            long magic = 0xffffffffL;
            write(out, le(0x02014b50, 4, 0x0314, 2, 45, 2, entry.flags(), 2, entry.method(), 2, 0, 2, 0x21, 2,
                    crc(entry.data()), 4, zip64Entries ? magic : compressed.get(i).length, 4,
                    zip64Entries ? magic : entry.data().length, 4, name.length, 2, extra.length, 2, 0, 2, 0, 2, 0, 2,
                    0x81a40000L, 4, zip64Entries ? magic : offsets.get(i), 4));
            write(out, name);
            write(out, extra);
        }
        int directorySize = out.size() - directory;
        if (zip64End) {
            int record = out.size();
            write(out, le(0x06064b50, 4, 44, 8, 45, 2, 45, 2, 0, 4, 0, 4, entries.size(), 8, entries.size(), 8,
                    directorySize, 8, directory, 8));
            write(out, le(0x07064b50, 4, 0, 4, record, 8, 1, 4));
        }
        int end = out.size();
        write(out, le(0x06054b50, 4, 0, 2, 0, 2, zip64End ? 0xffff : entries.size(), 2, zip64End ? 0xffff : entries.size(), 2,
                zip64End ? 0xffffffffL : directorySize, 4, zip64End ? 0xffffffffL : directory, 4, comment.length, 2));
        write(out, comment);
        return new Built(out.toByteArray(), local, central, directory, end);
    }

    /** {@code bytes} with {@code width} little-endian bytes of {@code value} at {@code at}. */
    static byte[] patch(byte[] bytes, int at, int width, long value) {
        for (int i = 0; i < width; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + 64 + data.length / 100];
        int length = 0;
        while (!deflater.finished()) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            length += deflater.deflate(buffer, length, buffer.length - length);
        }
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }

    static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    /** Little-endian fields from (value, width) pairs. */
    private static byte[] le(long... valuesAndWidths) {
        int size = 0;
        for (int i = 1; i < valuesAndWidths.length; i += 2) {
            size += (int) valuesAndWidths[i];
        }
        ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < valuesAndWidths.length; i += 2) {
            long value = valuesAndWidths[i];
            switch ((int) valuesAndWidths[i + 1]) {
                case 2 -> buffer.putShort((short) value);
                case 4 -> buffer.putInt((int) value);
                case 8 -> buffer.putLong(value);
                default -> throw new IllegalArgumentException("width " + valuesAndWidths[i + 1]);
            }
        }
        return buffer.array();
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }
}
