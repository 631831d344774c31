package dev.pylayer.index;

import dev.pylayer.cache.ContentDigest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes several digests of one stream at once (sha256 always: it names cache entries) and checks them
 * against what the index claims and what a requirements file's {@code --hash} options allow.
 */
final class Digests {
    /** Algorithms pip accepts in link fragments and {@code --hash}, with their Java names. */
    private static final Map<String, String> JAVA_NAMES = Map.of("md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224",
            "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");

    private final Map<String, MessageDigest> digests = new LinkedHashMap<>();

    /** Digests for {@code algorithms} plus sha256. */
    Digests(Collection<String> algorithms) {
        this(algorithms, true);
    }

    /** Digests for {@code algorithms}, plus sha256 when {@code withSha256} (leave it out when someone else computes it). */
    Digests(Collection<String> algorithms, boolean withSha256) {
        if (withSha256) {
            digests.put("sha256", ContentDigest.newSha256());
        }
        for (String algorithm : algorithms) {
            String javaName = JAVA_NAMES.get(algorithm);
            if (javaName != null && !digests.containsKey(algorithm) && (withSha256 || !algorithm.equals("sha256"))) {
                digests.put(algorithm, ContentDigest.newDigest(javaName));
            }
        }
    }

    static boolean supports(String algorithm) {
        return JAVA_NAMES.containsKey(algorithm);
    }

    void update(byte[] bytes, int offset, int length) {
        for (MessageDigest digest : digests.values()) {
            digest.update(bytes, offset, length);
        }
    }

    /** Lower-case hex digests by algorithm; call once. */
    Map<String, String> finish() {
        Map<String, String> hex = new TreeMap<>();
        digests.forEach((algorithm, digest) -> hex.put(algorithm, HexFormat.of().formatHex(digest.digest())));
        return hex;
    }

    static Map<String, String> ofFile(Path file, Collection<String> algorithms) throws IOException {
        Digests digests = new Digests(algorithms);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digests.update(buffer, 0, n);
            }
        }
        return digests.finish();
    }

    /** Strongest first: the one index hash worth checking when several are given. */
    private static final java.util.List<String> PREFERENCE = java.util.List.of("sha512", "sha384", "sha256", "sha224", "sha1", "md5");

    /**
     * The index hash to check: sha256 when given (it is what names cache entries), else the strongest one we can
     * compute. Like pip, one trusted digest is enough; checking a weak md5 beside a sha256 adds nothing.
     */
    static Map<String, String> indexClaim(Map<String, String> indexHashes) {
        if (indexHashes.containsKey("sha256")) {
            return Map.of("sha256", indexHashes.get("sha256"));
        }
        for (String algorithm : PREFERENCE) {
            if (indexHashes.containsKey(algorithm)) {
                return Map.of(algorithm, indexHashes.get(algorithm));
            }
        }
        return Map.of();
    }

    /** The algorithms that checking {@code indexHashes} and {@code required} needs. */
    static Set<String> needed(Map<String, String> indexHashes, Map<String, Set<String>> required) {
        Set<String> needed = new TreeSet<>(indexClaim(indexHashes).keySet());
        needed.addAll(required.keySet());
        needed.removeIf(algorithm -> !supports(algorithm));
        return needed;
    }

    /** Whether {@code required} is empty or one of its digests is among {@code actual} (pip's all-or-nothing rule). */
    static boolean matchesRequired(Map<String, String> actual, Map<String, Set<String>> required) {
        if (required.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, Set<String>> allowed : required.entrySet()) {
            String got = actual.get(allowed.getKey());
            if (got != null && allowed.getValue().contains(got)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Throws when the bytes differ from the index's claim ({@link #indexClaim}) or, with
     * {@code required} non-empty, when no allowed digest matches (pip's all-or-nothing {@code Hashes.check_against_chunks}).
     */
    static void verify(Map<String, String> actual, Map<String, String> indexHashes, Map<String, Set<String>> required,
                       String filename, String maskedUrl) {
        for (Map.Entry<String, String> claim : indexClaim(indexHashes).entrySet()) {
            String got = actual.get(claim.getKey());
            if (got != null && !got.equals(claim.getValue())) {
                throw new HashMismatchException(filename, maskedUrl, claim.getKey() + ":" + claim.getValue(),
                        claim.getKey() + ":" + got, "from the index");
            }
        }
        if (matchesRequired(actual, required)) {
            return;
        }
        StringBuilder expected = new StringBuilder();
        required.forEach((algorithm, values) -> values.forEach(value ->
                expected.append(expected.length() == 0 ? "" : " or ").append(algorithm).append(':').append(value)));
        String algorithm = required.keySet().stream().filter(actual::containsKey).findFirst().orElse("sha256");
        throw new HashMismatchException(filename, maskedUrl, expected.toString(), algorithm + ":" + actual.get(algorithm),
                "from the requirements' --hash");
    }
}
