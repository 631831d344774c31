package dev.pylayer.wheel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Streams over one entry that run every byte through an {@link EntryVerifier}. */
final class CheckedEntryStreams {
    private CheckedEntryStreams() {
    }

    /** Passes the inflated bytes on, checking them. */
    static InputStream inflated(InputStream inflated, EntryVerifier verifier, String wheel, WheelEntry entry) {
        return new CheckingStream(failingAsInvalid(inflated, wheel, entry)) {
            @Override
            void checked(byte[] buffer, int offset, int length) {
                verifier.update(buffer, offset, length);
            }

            @Override
            void ended() {
                verifier.finish();
            }
        };
    }

    /**
     * Passes the stored (raw, maybe compressed) bytes on unchanged while inflating a copy to check it: what
     * the layer writer copies, so no byte lands in a layer whose content does not match its wheel.
     */
    static InputStream raw(InputStream raw, WheelEntry entry, EntryVerifier verifier, String wheel, ContentSink sink) {
        return new RawCheckingStream(failingAsInvalid(raw, wheel, entry), entry, verifier, wheel, sink);
    }

    /**
     * Turns a failure to read the wheel (a truncated or corrupt archive) into an {@link InvalidWheelException}
     * naming it, so that callers can tell a bad wheel from a failing output.
     */
    static InputStream failingAsInvalid(InputStream in, String wheel, WheelEntry entry) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return in.read();
                } catch (IOException | RuntimeException e) {
                    throw invalid(e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return in.read(buffer, offset, length);
                } catch (IOException | RuntimeException e) {
                    throw invalid(e);
                }
            }

            private RuntimeException invalid(Exception e) {
                if (e instanceof dev.pylayer.PylayerException typed) {
                    return typed;
                }
                return new InvalidWheelException(wheel, entry.name(), "it cannot be read (" + e.getMessage() + ")", e);
            }
        };
    }

    /**
     * Where inflated bytes land before they are checked: one array per thread for entries of 8 KiB and more (checking
     * thousands of files would otherwise allocate an array per file), a small one for the many small files. The
     * array holds nothing between calls: what is inflated into it is checked before {@code read} returns.
     */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    private static byte[] scratch(long entrySize) {
        return entrySize < 8 * 1024 ? new byte[(int) Math.max(1024, entrySize + 1)] : SCRATCH.get();
    }

    /**
     * A stream that shows every byte read to {@link #checked} and says once when the entry {@link #ended}: the
     * checks run at the end of the data, so nothing may be skipped or read twice.
     */
    private abstract static class CheckingStream extends FilterInputStream {
        private boolean done;

        CheckingStream(InputStream in) {
            super(in);
        }

        /** These bytes were read and are about to be returned. */
        abstract void checked(byte[] buffer, int offset, int length);

        /** The data ended: the checks of the whole entry run here (once). */
        abstract void ended();

        @Override
        public final int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public final int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                checked(buffer, offset, n);
            } else if (n < 0 && !done) {
                done = true;
                ended();
            }
            return n;
        }

        @Override
        public final long skip(long n) {
            return 0;
        }

        @Override
        public final boolean markSupported() {
            return false;
        }
    }

    private static final class RawCheckingStream extends CheckingStream {
        private final WheelEntry entry;
        private final EntryVerifier verifier;
        private final String wheel;
        private final ContentSink sink;
        private final Inflater inflater;
        private final byte[] scratch;

        RawCheckingStream(InputStream raw, WheelEntry entry, EntryVerifier verifier, String wheel, ContentSink sink) {
            super(raw);
            this.entry = entry;
            this.verifier = verifier;
            this.wheel = wheel;
            this.sink = sink;
            this.inflater = entry.method() == WheelEntry.DEFLATED ? new Inflater(true) : null;
            this.scratch = inflater == null ? null : scratch(entry.size());
        }

        @Override
        void checked(byte[] buffer, int offset, int n) {
            if (inflater == null) {
                verifier.update(buffer, offset, n);
                sink.update(buffer, offset, n);
            } else if (!inflater.finished()) {
                inflater.setInput(buffer, offset, n);
                drain();
            }
        }

        @Override
        void ended() {
            if (inflater != null && !inflater.finished()) {
                // zlib may want one dummy byte past the end of a raw deflate stream (Inflater's javadoc).
                inflater.setInput(new byte[1]);
                drain();
                if (!inflater.finished()) {
                    throw corrupt("its deflate data ends early", null);
                }
            }
            byte[] sha256 = verifier.finish();
            if (sha256 != null) {
                sink.sha256(sha256);
            }
            sink.finish();
        }

        private void drain() {
            try {
                while (!inflater.finished() && !inflater.needsInput()) {
                    int k = inflater.inflate(scratch);
                    if (k > 0) {
                        verifier.update(scratch, 0, k);
                        sink.update(scratch, 0, k);
                    } else if (inflater.needsDictionary()) {
                        throw corrupt("its deflate data asks for a preset dictionary", null);
                    } else if (!inflater.finished() && !inflater.needsInput()) {
                        throw corrupt("its deflate data does not progress", null);
                    }
                }
            } catch (DataFormatException e) {
                throw corrupt("its deflate data is corrupt", e);
            }
        }

        private InvalidWheelException corrupt(String why, Throwable cause) {
            return new InvalidWheelException(wheel, entry.name(), why, cause);
        }

        @Override
        public void close() throws IOException {
            if (inflater != null) {
                inflater.end();
            }
            super.close();
        }
    }
}
