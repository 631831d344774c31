package dev.pylayer.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;

/**
 * Bounded random access to the bytes of an ELF file: every read is checked against the file size first, so a
 * header pointing past the end becomes a {@link TruncatedElfException}. Only the structures asked for are read,
 * so a 100 MB library read through a channel costs a few kilobytes of memory.
 */
abstract class ElfSource {
    /** No single structure we read (a header table, a string) is allowed to be larger. */
    static final int MAX_READ = 16 * 1024 * 1024;

    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    abstract long size();

    abstract void fill(long offset, ByteBuffer target) throws IOException;

    void order(ByteOrder order) {
        this.order = order;
    }

    /** {@code length} bytes at {@code offset}, in the file's byte order. */
    final ByteBuffer read(long offset, long length, String structure) {
        checkRange(offset, length, structure);
        if (length > MAX_READ) {
            throw new MalformedElfException("`" + structure + "` claims " + length + " bytes, more than the "
                    + MAX_READ + " a header structure may have");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        try {
            fill(offset, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.flip();
        return buffer.order(order);
    }

    /** Fails unless {@code length} bytes at {@code offset} lie inside the file: a structure past the end means a cut-short file. */
    final void checkRange(long offset, long length, String structure) {
        if (offset < 0 || length < 0 || offset > size() || length > size() - offset) {
            throw new TruncatedElfException(structure, offset, length, size());
        }
    }

    static ElfSource of(byte[] bytes) {
        return new ElfSource() {
            @Override
            long size() {
                return bytes.length;
            }

            @Override
            void fill(long offset, ByteBuffer target) {
                target.put(bytes, (int) offset, target.remaining());
            }
        };
    }

    static ElfSource of(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        return new ElfSource() {
            @Override
            long size() {
                return size;
            }

            @Override
            void fill(long offset, ByteBuffer target) throws IOException {
                channel.position(offset);
                while (target.hasRemaining()) {
                    if (channel.read(target) < 0) {
                        throw new TruncatedElfException("file contents", offset, target.capacity(), channel.position());
                    }
                }
            }
        };
    }
}
