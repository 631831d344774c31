package dev.pylayer.layer;

import java.util.List;
import java.util.Objects;

/**
 * What was written: the zip's sha256 (hex, as Lambda's {@code CodeSha256} is base64 of the same digest) and
 * size, the sum of the files' uncompressed sizes, the number of files (directories not counted), and the
 * distributions it holds, sorted by name.
 */
public record LayerFacts(String sha256, long size, long uncompressedSize, int files,
                         List<DistributionFacts> distributions) {
    public LayerFacts {
        Objects.requireNonNull(sha256, "sha256");
        distributions = List.copyOf(distributions);
    }
}
