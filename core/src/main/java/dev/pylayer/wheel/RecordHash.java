package dev.pylayer.wheel;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hash column of a RECORD row, {@code algorithm=value}: a {@code hashlib} algorithm name and the digest
 * as urlsafe base64 without padding (the binary distribution format's "RECORD file").
 */
public record RecordHash(String algorithm, String value) {
    /** hashlib names of the algorithms a JDK provides. */
    private static final Map<String, String> JAVA_NAMES = Map.of(
            "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512", "sha224", "SHA-224",
            "sha3_256", "SHA3-256", "sha3_384", "SHA3-384", "sha3_512", "SHA3-512", "sha3_224", "SHA3-224",
            "sha1", "SHA-1", "md5", "MD5");

    public RecordHash {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        if (algorithm.isEmpty() || value.isEmpty()) {
            throw new IllegalArgumentException("empty hash algorithm or value");
        }
    }

    /** Parses {@code sha256=…}; empty when there is no {@code =} or either side is empty. */
    public static Optional<RecordHash> tryParse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new RecordHash(text.substring(0, equals), text.substring(equals + 1)));
    }

    /** The RECORD form of a sha256 digest. */
    public static RecordHash sha256(byte[] digest) {
        return new RecordHash("sha256", Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }

    /** A fresh digest for this algorithm, when the JDK has it (empty for e.g. {@code blake2b}). */
    public Optional<MessageDigest> newDigest() {
        String javaName = JAVA_NAMES.get(algorithm.toLowerCase(Locale.ROOT));
        if (javaName == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MessageDigest.getInstance(javaName));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code digest} is the one recorded: urlsafe base64 as the spec says, tolerating padding, the
     * standard base64 alphabet and hex, which some old build tools wrote.
     */
    public boolean matches(byte[] digest) {
        String urlsafe = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        String recorded = value.replace('+', '-').replace('/', '_');
        while (recorded.endsWith("=")) {
            recorded = recorded.substring(0, recorded.length() - 1);
        }
        return recorded.equals(urlsafe) || value.equalsIgnoreCase(HexFormat.of().formatHex(digest));
    }

    @Override
    public String toString() {
        return algorithm + "=" + value;
    }
}
