import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The floor of a layer build in a JVM: read each chosen wheel once, sha256 it while its bytes stream past, and
 * write those bytes to one output file (no resolving, no zip structure, no verification). The bench times this
 * whole process, JVM start included, against {@code pylayer build}.
 *
 * <p>Usage: {@code java Floor OUTPUT WHEEL...}
 */
public final class Floor {
    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        byte[] bytes = new byte[1 << 20];
        StringBuilder digests = new StringBuilder();
        try (FileChannel out = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int i = 1; i < args.length; i++) {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                try (FileChannel in = FileChannel.open(Path.of(args[i]), StandardOpenOption.READ)) {
                    while (in.read(buffer) >= 0) {
                        buffer.flip();
                        int n = buffer.remaining();
                        buffer.get(bytes, 0, n);
                        sha256.update(bytes, 0, n);
                        buffer.flip();
                        write(out, buffer);
                        buffer.clear();
                    }
                }
                digests.append(HexFormat.of().formatHex(sha256.digest())).append('\n');
            }
            out.force(true);
        }
        System.out.print(digests);
    }

    private static void write(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
