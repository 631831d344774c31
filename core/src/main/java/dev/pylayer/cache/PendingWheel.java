package dev.pylayer.cache;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A wheel being written into the cache. Its bytes go to a temporary file inside the cache (so the final move
 * is a rename on one file system) while their sha256 is computed; {@link #commit()} files it under that
 * digest. Closing without committing deletes it: a refused download never becomes an entry.
 */
public final class PendingWheel implements AutoCloseable {
    private final ContentCache cache;
    private final Path temporary;
    private final String filename;
    private final MessageDigest digest = ContentDigest.newSha256();
    private OutputStream output;
    private String sha256;
    private boolean done;

    PendingWheel(ContentCache cache, Path temporary, String filename) {
        this.cache = cache;
        this.temporary = temporary;
        this.filename = filename;
    }

    /** Where to write the wheel's bytes; close it when the last byte is written. */
    public OutputStream output() throws IOException {
        if (output == null) {
            OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16);
            output = new OutputStream() {
                private final OutputStream digesting = ContentDigest.digesting(file, digest);

                @Override
                public void write(int b) throws IOException {
                    digesting.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    digesting.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    if (sha256 == null) {
                        file.close();
                        sha256 = HexFormat.of().formatHex(digest.digest());
                    }
                }
            };
        }
        return output;
    }

    /** The written file, readable once {@link #output()} is closed (e.g. to check more hashes before committing). */
    public Path temporaryFile() {
        return temporary;
    }

    /** The sha256 of what was written; only after {@link #output()} was closed. */
    public String sha256() {
        if (sha256 == null) {
            throw new IllegalStateException("the output is still open");
        }
        return sha256;
    }

    /** Moves the wheel into the cache under its digest and returns its path there. */
    public Path commit() {
        Path target = cache.commitWheel(temporary, sha256(), filename);
        done = true;
        return target;
    }

    /** Discards the temporary file unless committed. */
    @Override
    public void close() {
        if (output != null && sha256 == null) {
            try {
                output.close();
            } catch (IOException ignored) {
                // the file is deleted below
            }
        }
        if (!done) {
            ContentCache.deleteQuietly(temporary);
        }
    }
}
