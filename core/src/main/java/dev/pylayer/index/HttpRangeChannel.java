package dev.pylayer.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A remote file read through HTTP Range requests, for reading a wheel's central directory and one entry
 * without downloading it (pip's {@code LazyZipOverHTTP}, uv's range reads). The first request is a suffix
 * range ({@code bytes=-N}), which brings the end-of-central-directory record and, for most wheels, the whole
 * central directory and the dist-info entries. Later misses fetch the gap up to the next cached segment
 * when it is small, else a read-ahead that doubles on sequential misses.
 */
final class HttpRangeChannel implements SeekableByteChannel {
    /**
     * The suffix read first. Big wheels put their central directory, RECORD and then METADATA near the end: of the 346
     * wheels over 512 KiB in the local mirror of real wheels, METADATA lay within the last 128 KiB in 75% (scipy,
     * pandas, scikit-learn and botocore needed a second round trip), 384 KiB in 89%, 1 MiB in 91% (the rest keep
     * their dist-info before bundled libraries, numpy 8 MB from the end). A round trip on a real network costs more
     * than the 256 KiB more.
     */
    static final int DEFAULT_TAIL = 384 * 1024;
    private static final int MIN_READ_AHEAD = 64 * 1024;
    private static final long MAX_GAP = 2L << 20;

    private final IndexHttp http;
    private final String url;
    private final String what;
    private final long size;
    private final TreeMap<Long, byte[]> segments = new TreeMap<>();
    private long position;
    private long readAhead = MIN_READ_AHEAD;
    private long lastMissEnd = -1;
    private int requests = 1;
    private boolean open = true;

    private HttpRangeChannel(IndexHttp http, String url, String what, long size) {
        this.http = http;
        this.url = url;
        this.what = what;
        this.size = size;
    }

    /** A channel over {@code url}, or empty when the server does not honour Range (then download the file). */
    static Optional<HttpRangeChannel> open(IndexHttp http, String url, String what, int tail) {
        IndexHttp.RangeResponse response = http.range(url, "-" + tail, what);
        if (response.status() != 206 || response.total() <= 0) {
            return Optional.empty();
        }
        HttpRangeChannel channel = new HttpRangeChannel(http, url, what, response.total());
        channel.segments.put(response.start(), response.bytes());
        return Optional.of(channel);
    }

    /** How many HTTP requests this channel made so far. */
    int requests() {
        return requests;
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        int wanted = (int) Math.min(destination.remaining(), size - position);
        int copied = 0;
        while (copied < wanted) {
            Map.Entry<Long, byte[]> segment = covering(position);
            if (segment == null) {
                fetch(position, wanted - copied);
                continue;
            }
            int offset = (int) (position - segment.getKey());
            int length = Math.min(wanted - copied, segment.getValue().length - offset);
            destination.put(segment.getValue(), offset, length);
            position += length;
            copied += length;
        }
        return copied;
    }

    private Map.Entry<Long, byte[]> covering(long at) {
        Map.Entry<Long, byte[]> floor = segments.floorEntry(at);
        return floor != null && at < floor.getKey() + floor.getValue().length ? floor : null;
    }

    private void fetch(long from, int needed) throws IOException {
        Long next = segments.ceilingKey(from);
        long limit = next == null ? size : next;
        long gap = limit - from;
        long length;
        if (gap <= MAX_GAP) {
            length = gap;
        } else {
            readAhead = from == lastMissEnd ? Math.min(readAhead * 2, MAX_GAP) : MIN_READ_AHEAD;
            length = Math.min(gap, Math.max(needed, readAhead));
        }
        IndexHttp.RangeResponse response = http.range(url, from + "-" + (from + length - 1), what);
        requests++;
        if (response.status() != 206 || response.start() != from || response.bytes().length == 0) {
            throw new IOException("the server stopped honouring Range requests for " + IndexUrl.mask(url));
        }
        segments.put(from, response.bytes());
        lastMissEnd = from + response.bytes().length;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        segments.clear();
    }

    private void ensureOpen() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
