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
        Path target = output.toAbsolutePath();
        Path temp = temporaryBeside(target);
        boolean done = false;
        try {
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
                    return false;
                }
                out.force(true);
            }
            replace(temp, target);
            done = true;
            return true;
        } catch (IOException e) {
            throw new LayerWriteException(output, e.toString(), e);
        } finally {
            if (!done) {
                deleteQuietly(temp);
            }
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
