package dev.pylayer.zip;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

/**
 * Where a zip's central directory is (APPNOTE 4.3.16 end record, or its Zip64 form 4.3.14/4.3.15) and its bytes,
 * read into one {@link ZipWindow}. Every offset and length read from the file is checked against the file before
 * it is used, so a damaged or hostile zip gives an {@link IOException}, never a large allocation.
 *
 * @param tail the last bytes of the file, where the end records were found
 * @param window bytes holding the whole directory (the tail itself when the directory lies in it)
 * @param offset where the directory starts in the file
 * @param length its size in bytes
 */
public record ZipCentralDirectory(ZipWindow tail, ZipWindow window, long offset, int length) {
    public static final int END_SIGNATURE = 0x06054b50;
    public static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    public static final int ZIP64_END_SIGNATURE = 0x06064b50;
    public static final int END_SIZE = 22;
    public static final int ZIP64_LOCATOR_SIZE = 20;
    public static final int ZIP64_END_SIZE = 56;
    /** The archive comment is at most 65,535 bytes, so the end record starts within this many bytes of the end. */
    public static final int END_SEARCH = END_SIZE + 0xffff;
    /** The end search needs {@link #END_SEARCH} bytes and the Zip64 records before it. */
    public static final int MIN_TAIL = END_SEARCH + ZIP64_LOCATOR_SIZE + ZIP64_END_SIZE;
    /** A wheel's directory holds tens of thousands of entries at most (~2 MB); past this it is refused, not read. */
    public static final int MAX_BYTES = 64 << 20;
    /**
     * How far before the directory to read with it when it is not in the tail already: wheel builders write the
     * dist-info folder last (RECORD at the very end), and RECORD is about the directory's size, so METADATA
     * usually comes in the same read, for {@link HttpRangeChannel} the same request.
     */
    public static final int MAX_LOOK_BEHIND = 1 << 20;

    /** Reads the end records from the last bytes of {@code channel}, then the directory. */
    public static ZipCentralDirectory read(SeekableByteChannel channel) throws IOException {
        return read(channel, MIN_TAIL);
    }

    /**
     * Like {@link #read(SeekableByteChannel)}, reading at least {@code minimumTail} bytes first: a channel whose first read
     * costs a request (an HTTP range read) finds most wheels' directory in the same bytes.
     */
    public static ZipCentralDirectory read(SeekableByteChannel channel, int minimumTail) throws IOException {
        long size = channel.size();
        int tailLength = (int) Math.min(size, Math.max(minimumTail, MIN_TAIL));
        ZipWindow tail = ZipWindow.read(channel, size - tailLength, tailLength);
        long end = findEnd(tail, size);
        long offset = tail.u32(end + 16);
        long length = tail.u32(end + 12);
        long limit = end;
        long locator = end - ZIP64_LOCATOR_SIZE;
        if (tail.covers(locator, ZIP64_LOCATOR_SIZE) && tail.u32(locator) == ZIP64_LOCATOR_SIGNATURE) {
            // As Python's zipfile and Commons Compress: a locator right before the end record means Zip64, whose
            // record then has the directory's true offset and size.
            long zip64End = tail.u64(locator + 8);
            if (zip64End < 0 || zip64End > locator - ZIP64_END_SIZE) {
                throw new IOException("the Zip64 end record offset " + zip64End + " lies outside the zip");
            }
            ZipWindow record = tail.covers(zip64End, ZIP64_END_SIZE) ? tail : ZipWindow.read(channel, zip64End, ZIP64_END_SIZE);
            if (record.u32(zip64End) != ZIP64_END_SIGNATURE) {
                throw new IOException("no Zip64 end record at byte " + zip64End + ", where its locator points");
            }
            length = record.u64(zip64End + 40);
            offset = record.u64(zip64End + 48);
            limit = zip64End;
        } else if (tail.u16(end + 4) != 0 || tail.u16(end + 6) != 0) {
            throw new IOException("the zip is split over several files (disk " + tail.u16(end + 4) + "), which wheels never are");
        }
        if (length < 0 || length > MAX_BYTES) {
            throw new IOException("the central directory declares " + Long.toUnsignedString(length) + " bytes, over the limit of "
                    + MAX_BYTES);
        }
        if (offset < 0 || offset > limit - length) {
            throw new IOException("the central directory at byte " + Long.toUnsignedString(offset) + " (" + length
                    + " bytes) does not end before its end record at byte " + limit);
        }
        if (tail.covers(offset, length)) {
            return new ZipCentralDirectory(tail, tail, offset, (int) length);
        }
        long from = offset - Math.min(offset, Math.min(length, MAX_LOOK_BEHIND));
        return new ZipCentralDirectory(tail, ZipWindow.read(channel, from, (int) (offset + length - from)), offset, (int) length);
    }

    /**
     * The end record's position: searching back from the end, the first one whose comment ends the file, else
     * (trailing bytes after the comment, as Commons Compress and Python tolerate) the last one whose comment fits.
     * Preferring an exact end keeps a signature quoted inside the comment from being taken for the record.
     */
    private static long findEnd(ZipWindow tail, long size) throws IOException {
        long fallback = -1;
        long lowest = Math.max(tail.start(), size - END_SEARCH);
        for (long at = size - END_SIZE; at >= lowest; at--) {
            if (tail.u32(at) != END_SIGNATURE) {
                continue;
            }
            long after = at + END_SIZE + tail.u16(at + 20);
            if (after == size) {
                return at;
            }
            if (after < size && fallback < 0) {
                fallback = at;
            }
        }
        if (fallback < 0) {
            throw new IOException("no end of central directory record in the last " + (size - lowest) + " bytes: not a zip");
        }
        return fallback;
    }
}
