package dev.pylayer.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * How a layer zip reaches its output path: written to a temporary file in the output's folder, forced to disk,
 * made readable by all, and renamed over the output only when complete, so that the output is either the old file
 * or the whole new one, and a failure leaves no temporary file.
 */
public final class LayerOutput {
    private static final int BUFFER = 1 << 20;

    private LayerOutput() {
    }

    /**
     * Copies {@code zip} to {@code output} the same way, hashing it on the way: when its sha256 is not
     * {@code expectedSha256} (changed or damaged since it was stored) the copy is dropped, the output left as it was,
     * and the answer is {@code false}.
     */
    public static boolean copyChecked(Path zip, String expectedSha256, Path output) {
        return replaceWhole(output, temp -> {
            MessageDigest sha256 = sha256();
            try (InputStream in = Files.newInputStream(zip);
                    FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                    sha256.update(buffer, 0, n);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
                if (!HexFormat.of().formatHex(sha256.digest()).equals(expectedSha256)) {
                    return Optional.empty();
                }
                out.force(true);
            }
            return Optional.of(Boolean.TRUE);
        }).isPresent();
    }

    /** What is written to the temporary file; empty when it turned out wrong and must not replace the output. */
    interface Contents<T> {
        Optional<T> writeTo(Path temporary) throws IOException;
    }

    /**
     * Replaces {@code output} whole with what {@code contents} writes to a new temporary file beside it, or leaves
     * it as it was when the contents come back empty or anything fails; the temporary file never stays.
     */
    static <T> Optional<T> replaceWhole(Path output, Contents<T> contents) {
        Path target = output.toAbsolutePath();
        Path temp = temporaryBeside(target);
        boolean done = false;
        try {
            Optional<T> result = contents.writeTo(temp);
            if (result.isPresent()) {
                replace(temp, target);
                done = true;
            }
            return result;
        } catch (IOException e) {
            throw new LayerWriteException(output, e.toString(), e);
        } finally {
            if (!done) {
                deleteQuietly(temp);
            }
        }
    }

    /** How {@link #reuse} put a stored layer at the output. */
    public enum Reuse {
        /** The output is a hard link to the stored zip: no byte read or written. */
        LINKED,
        /** The output is a copy of the stored zip, whose sha256 was checked on the way. */
        COPIED,
        /** The stored zip no longer has its sha256: the output was left as it was. */
        DAMAGED
    }

    /**
     * Puts the stored layer {@code zip} at {@code output}, replacing it whole or not at all. When {@code unchanged}
     * (nothing has written to the zip since its sha256 was computed) and both are on one file system, by a hard
     * link, as uv links packages out of its cache: the output then shares the stored file, its time included, and a
     * later change to either in place is seen by the stored layer's stamp. Otherwise by {@link #copyChecked}.
     */
    public static Reuse reuse(Path zip, String expectedSha256, boolean unchanged, Path output) {
        Path target = output.toAbsolutePath();
        if (unchanged && link(zip, target)) {
            return Reuse.LINKED;
        }
        return copyChecked(zip, expectedSha256, output) ? Reuse.COPIED : Reuse.DAMAGED;
    }

    private static boolean link(Path zip, Path target) {
        try {
            if (Files.exists(target) && Files.isSameFile(zip, target)) {
                return true; // the output is this layer already (the last build linked it)
            }
        } catch (IOException e) {
            return false;
        }
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createLink(temp, zip);
        } catch (IOException | UnsupportedOperationException e) {
            return false; // another file system, or one without hard links: copy
        }
        try {
            // Renaming a link over another link to the same file does nothing (POSIX rename): the temporary stays,
            // and is deleted below.
            move(temp, target);
            return true;
        } catch (IOException e) {
            throw new LayerWriteException(target, e.toString(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** A new empty file beside {@code target}, hidden, for writing the layer before it replaces the target. */
    static Path temporaryBeside(Path target) {
        Path folder = target.getParent();
        try {
            return Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new LayerWriteException(target, "cannot create a file in `" + folder + "` (" + e + ")", e);
        }
    }

    /** Makes the complete {@code temp} readable by all (a layer is shared) and renames it over {@code target}. */
    static void replace(Path temp, Path target) throws IOException {
        if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        }
        move(temp, target);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Nothing more can be done; the error that got us here is what the user needs to see.
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
