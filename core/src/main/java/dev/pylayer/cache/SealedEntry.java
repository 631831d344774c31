package dev.pylayer.cache;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small cache file that carries the digest of its own body: a header of {@code name: value} lines, a blank
 * line, the body. A file cut short by a crash or changed on disk fails the digest and is treated as absent.
 */
record SealedEntry(Map<String, String> headers, byte[] body) {
    private static final String MAGIC = "pylayer-entry 1";
    private static final String DIGEST = "body-sha256";

    static byte[] seal(Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(MAGIC).append('\n');
        head.append(DIGEST).append(": ").append(ContentDigest.sha256Hex(body)).append('\n');
        headers.forEach((name, value) -> head.append(name).append(": ").append(oneLine(value)).append('\n'));
        head.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static Optional<SealedEntry> open(byte[] bytes) {
        int end = headerEnd(bytes);
        if (end < 0) {
            return Optional.empty();
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n");
        if (!lines[0].equals(MAGIC)) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(": ");
            if (colon < 0) {
                return Optional.empty();
            }
            headers.put(lines[i].substring(0, colon), lines[i].substring(colon + 2));
        }
        byte[] body = Arrays.copyOfRange(bytes, end + 2, bytes.length);
        String digest = headers.remove(DIGEST);
        if (digest == null || !digest.equals(ContentDigest.sha256Hex(body))) {
            return Optional.empty();
        }
        return Optional.of(new SealedEntry(Map.copyOf(headers), body));
    }

    /** Index of the {@code \n} that ends the header (the first of two in a row), or -1. */
    private static int headerEnd(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String oneLine(String value) {
        return value.replace('\r', ' ').replace('\n', ' ');
    }
}
