package dev.pylayer.cache;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 in the lower-case hex form indexes publish (PEP 503 {@code #sha256=}, PyPI {@code digests.sha256}). */
public final class ContentDigest {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private ContentDigest() {
    }

    /** Whether {@code text} is 64 lower-case hex digits. */
    public static boolean isSha256(String text) {
        return text != null && SHA256_HEX.matcher(text).matches();
    }

    /** Lower-cases a hex digest and checks its form; throws {@link IllegalArgumentException} otherwise. */
    public static String requireSha256(String hex) {
        String lower = hex == null ? null : hex.toLowerCase(Locale.ROOT);
        if (!isSha256(lower)) {
            throw new IllegalArgumentException("not a sha256 hex digest: " + hex);
        }
        return lower;
    }

    public static MessageDigest newSha256() {
        return newDigest("SHA-256");
    }

    /** A {@link MessageDigest} by its Java name ({@code SHA-256}, {@code SHA-512}, {@code MD5}, …). */
    public static MessageDigest newDigest(String javaName) {
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks " + javaName, e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    public static String sha256Hex(Path file) throws IOException {
        MessageDigest digest = newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** An output stream that feeds every byte written through to {@code out} and into {@code digest}. */
    public static OutputStream digesting(OutputStream out, MessageDigest digest) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                digest.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                digest.update(b, off, len);
            }
        };
    }
}
