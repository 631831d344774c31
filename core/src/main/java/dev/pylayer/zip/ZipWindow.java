package dev.pylayer.zip;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Bytes of a zip file held in memory, from file position {@code start}, read by file position as the
 * little-endian fields of the zip format (APPNOTE 4.4: "All values are stored in little-endian byte order").
 */
public record ZipWindow(long start, byte[] bytes) {
    /** Reads {@code length} bytes at {@code start}, in as few channel reads as the channel allows. */
    public static ZipWindow read(SeekableByteChannel channel, long start, int length) throws IOException {
        byte[] bytes = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        channel.position(start);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the zip ends at byte " + (start + buffer.position()) + ", inside a record that runs to byte "
                        + (start + length));
            }
        }
        return new ZipWindow(start, bytes);
    }

    public long end() {
        return start + bytes.length;
    }

    /** Whether {@code [position, position + length)} lies inside; safe for any values read from the file. */
    public boolean covers(long position, long length) {
        return position >= start && length >= 0 && position <= end() && length <= end() - position;
    }

    public int index(long position) {
        return (int) (position - start);
    }

    public int u16(long position) {
        int at = index(position);
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
    }

    public long u32(long position) {
        return u32(bytes, index(position));
    }

    /** An eight-byte field; negative when its top bit is set, which every caller refuses as out of range. */
    public long u64(long position) {
        return u32(position) | u32(position + 4) << 32;
    }

    public static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
    }

    public static long u32(byte[] bytes, int at) {
        return (bytes[at] & 0xffL) | (bytes[at + 1] & 0xffL) << 8 | (bytes[at + 2] & 0xffL) << 16 | (bytes[at + 3] & 0xffL) << 24;
    }
}
