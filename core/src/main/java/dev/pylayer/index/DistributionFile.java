package dev.pylayer.index;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One file an index lists for a project, with what the index says about it. Nothing here has been checked
 * yet: the hashes are the index's claims, verified when the file is fetched.
 *
 * @param filename       the file name (PEP 427 wheel or sdist), URL-decoded
 * @param url            absolute URL without credentials; {@code file:} for local files
 * @param hashes         lower-case algorithm → lower-case hex digest, e.g. {@code sha256 → 3b1c…} (may be empty)
 * @param requiresPython the raw {@code Requires-Python} specifier the index gives (PEP 345/503), unparsed
 * @param yanked         PEP 592
 * @param yankedReason   the reason when the index gives one
 * @param size           in bytes, when known
 * @param coreMetadata   present when the index serves the METADATA at {@code url + ".metadata"} (PEP 658/714)
 * @param uploadTime     when the index gives it (PyPI JSON, PEP 700)
 * @param index          the index it came from, for messages: password masked
 */
public record DistributionFile(String filename, String url, Map<String, String> hashes,
                               Optional<String> requiresPython, boolean yanked, Optional<String> yankedReason,
                               OptionalLong size, Optional<CoreMetadata> coreMetadata, Optional<Instant> uploadTime,
                               String index) {

    /** PEP 658: the METADATA file served beside the distribution, with the hashes of it the index gives. */
    public record CoreMetadata(Map<String, String> hashes) {
        public CoreMetadata {
            hashes = normalizedHashes(hashes);
        }

        public Optional<String> sha256() {
            return Optional.ofNullable(hashes.get("sha256"));
        }
    }

    public DistributionFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
        hashes = normalizedHashes(hashes);
        Objects.requireNonNull(requiresPython, "requiresPython");
        Objects.requireNonNull(yankedReason, "yankedReason");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(coreMetadata, "coreMetadata");
        Objects.requireNonNull(uploadTime, "uploadTime");
        Objects.requireNonNull(index, "index");
    }

    /** The sha256 the index gives, lower-case hex. */
    public Optional<String> sha256() {
        return Optional.ofNullable(hashes.get("sha256"));
    }

    public boolean isWheel() {
        return filename.toLowerCase(Locale.ROOT).endsWith(".whl");
    }

    /** Whether the file is on this machine ({@code file:} URL): read in place, never downloaded. */
    public boolean isLocal() {
        return url.startsWith("file:");
    }

    /** The same file with the given core-metadata availability. */
    public DistributionFile withCoreMetadata(Optional<CoreMetadata> value) {
        return new DistributionFile(filename, url, hashes, requiresPython, yanked, yankedReason, size, value,
                uploadTime, index);
    }

    private static Map<String, String> normalizedHashes(Map<String, String> hashes) {
        Map<String, String> normalized = new TreeMap<>();
        hashes.forEach((algorithm, digest) -> {
            if (algorithm != null && digest != null && !digest.isBlank()) {
                normalized.put(algorithm.toLowerCase(Locale.ROOT), digest.strip().toLowerCase(Locale.ROOT));
            }
        });
        return Map.copyOf(normalized);
    }

    @Override
    public String toString() {
        return filename + " (" + index + ")";
    }
}
