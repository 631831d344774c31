package dev.pylayer.requirements;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A known-good digest from a {@code --hash=algorithm:hex} option. pip accepts the strong algorithms only
 * (sha256, sha384, sha512) and compares lower-case hex; we also check the length, so a truncated digest is
 * an error when the file is read rather than a mismatch after a download.
 */
public record Hash(String algorithm, String hex) {
    private static final Map<String, Integer> HEX_LENGTH = Map.of("sha256", 64, "sha384", 96, "sha512", 128);

    public Hash {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        Integer length = HEX_LENGTH.get(algorithm);
        if (length == null) {
            throw new IllegalArgumentException("unsupported hash algorithm " + algorithm);
        }
        hex = hex.toLowerCase(Locale.ROOT);
        if (hex.length() != length || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException(algorithm + " digests are " + length + " hex digits");
        }
    }

    /** Whether {@code algorithm} is one pip accepts in {@code --hash}. */
    static boolean isSupported(String algorithm) {
        return HEX_LENGTH.containsKey(algorithm);
    }

    static int hexLength(String algorithm) {
        return HEX_LENGTH.get(algorithm);
    }

    /** {@code sha256:…}, as written after {@code --hash=}. */
    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
