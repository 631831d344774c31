package dev.pylayer.layer;

import java.util.List;
import java.util.Objects;

/**
 * What one rule of a {@link LayerTrim} left out of a layer.
 *
 * @param pattern       the glob, for {@link Rule#EXCLUDE}; empty otherwise
 * @param distributions the distributions left out whole, for {@link Rule#DISTRIBUTION}; empty otherwise
 * @param files         how many files were left out
 * @param bytes         their size unzipped
 * @param zippedBytes   about what they would have taken in the zip (their compressed size in the wheels and
 *                      their zip headers)
 */
public record Exclusion(Rule rule, String pattern, List<DistributionFacts> distributions, int files, long bytes,
                        long zippedBytes) {
    /** The rules of a {@link LayerTrim}, in the order they apply. */
    public enum Rule {
        DISTRIBUTION, EXCLUDE, SLIM, SLIM_STUBS
    }

    public Exclusion {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(pattern, "pattern");
        distributions = List.copyOf(distributions);
    }
}
