package dev.pylayer.inspect;

import dev.pylayer.elf.ElfFile;
import dev.pylayer.elf.ElfReader;
import dev.pylayer.elf.StreamedElf;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Bytes of one ELF file for reading its headers. When the file can be read again from the start
 * ({@link EntryReopener}), only the parts the reading needs are kept as they stream past ({@link StreamedElf}),
 * and the file is read whole a second time only if they were not enough. Otherwise all of it is kept: in memory up
 * to a limit, then in a temporary file deleted after reading.
 */
final class ElfCapture {
    private final long inMemoryLimit;
    private final long expectedSize;
    private final EntryReopener reopener;
    private StreamedElf streamed;
    private byte[] streamedBuffer;
    /** A file of known size is read into one array of that size: no doubling as it grows, no copy at the end. */
    private byte[] sized;
    private int sizedLimit;
    private int sizedCount;
    private ByteArrayOutputStream memory;
    private Path spill;
    private OutputStream spillStream;

    /** @param expectedSize the declared size, -1 when unknown; a file known to be over the limit goes to disk at once */
    ElfCapture(long inMemoryLimit, long expectedSize) {
        this(inMemoryLimit, 0, expectedSize, null);
    }

    /**
     * @param streamedHead the first bytes kept when the file can be read again (where linkers put the dynamic string
     *                     table and version needs)
     * @param reopener     reads the file again from the start; null when it cannot be, and all of it is kept
     */
    ElfCapture(long inMemoryLimit, int streamedHead, long expectedSize, EntryReopener reopener) {
        this.inMemoryLimit = inMemoryLimit;
        this.expectedSize = expectedSize;
        this.reopener = reopener;
        if (reopener != null) {
            int head = expectedSize >= 0 ? (int) Math.min(expectedSize, streamedHead) : streamedHead;
            streamedBuffer = Buffers.take(head);
            streamed = new StreamedElf(streamedBuffer, head);
        } else if (expectedSize >= 0 && expectedSize <= inMemoryLimit) {
            sized = Buffers.take((int) expectedSize);
            sizedLimit = (int) expectedSize;
        } else if (expectedSize < 0) {
            memory = new ByteArrayOutputStream();
        }
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        if (streamed != null) {
            streamed.write(bytes, offset, length);
            return;
        }
        if (sized != null) {
            if (sizedCount + length <= sizedLimit) {
                System.arraycopy(bytes, offset, sized, sizedCount, length);
                sizedCount += length;
                return;
            }
            // More bytes than declared (the content check refuses the entry anyway): keep them as before.
            memory = new ByteArrayOutputStream();
            memory.write(sized, 0, sizedCount);
            Buffers.give(sized);
            sized = null;
        }
        if (memory != null && memory.size() + length <= inMemoryLimit) {
            memory.write(bytes, offset, length);
            return;
        }
        if (spillStream == null) {
            spill = Files.createTempFile("pylayer-inspect-", ".elf");
            spillStream = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
            if (memory != null) {
                memory.writeTo(spillStream);
                memory = null;
            }
        }
        spillStream.write(bytes, offset, length);
    }

    ElfFile read() throws IOException {
        if (streamed != null) {
            Optional<ElfFile> file = streamed.read();
            return file.isPresent() ? file.get() : readWholeAgain();
        }
        if (sized != null) {
            // The reader copies what it keeps, so the array can be used again once it is done.
            return ElfReader.read(new SeekableInMemoryByteChannel(sized).truncate(sizedCount));
        }
        if (spillStream == null) {
            return ElfReader.read(memory.toByteArray());
        }
        spillStream.close();
        return ElfReader.read(spill);
    }

    /** The streamed reading needed bytes it did not keep: the file read again, all of it kept. */
    private ElfFile readWholeAgain() throws IOException {
        ElfCapture whole = new ElfCapture(inMemoryLimit, expectedSize);
        try (InputStream in = reopener.open()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                whole.write(buffer, 0, n);
            }
            return whole.read();
        } finally {
            whole.close();
        }
    }

    void close() {
        if (streamedBuffer != null) {
            Buffers.give(streamedBuffer);
            streamedBuffer = null;
            streamed = null;
        }
        if (sized != null) {
            Buffers.give(sized);
            sized = null;
        }
        try {
            if (spillStream != null) {
                spillStream.close();
            }
            if (spill != null) {
                Files.deleteIfExists(spill);
            }
        } catch (IOException e) {
            // A temporary file we could not delete is the OS's to clean up; the inspection stands.
        }
    }

    /**
     * Arrays for ELF files read in memory, used again: a build reads hundreds of extension modules, several at once,
     * and arrays of megabytes that became garbage would pile up in the old generation (the heap, and the process,
     * would grow with the layer). A few are kept; any more are left to the collector.
     */
    private static final class Buffers {
        private static final int KEPT = 4;
        private static final ConcurrentLinkedQueue<byte[]> FREE = new ConcurrentLinkedQueue<>();

        static byte[] take(int size) {
            for (Iterator<byte[]> it = FREE.iterator(); it.hasNext(); ) {
                byte[] buffer = it.next();
                if (buffer.length >= size && FREE.remove(buffer)) {
                    return buffer;
                }
            }
            // Sizes rounded up to a power of two from 64 KiB, so that a freed array fits most later files.
            return new byte[Math.max(64 << 10, Integer.highestOneBit(Math.max(1, size - 1)) << 1)];
        }

        static void give(byte[] buffer) {
            if (FREE.size() < KEPT) {
                FREE.offer(buffer);
            }
        }
    }
}
