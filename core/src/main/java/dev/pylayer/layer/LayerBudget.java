package dev.pylayer.layer;

import dev.pylayer.runtime.LambdaLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A layer's size against a Lambda limit, checked on the plan before writing: the total of the files'
 * uncompressed sizes against the 250 MB a function and its layers may take unzipped, or the zip's estimated size
 * against the 50 MB of a direct upload; with the largest distributions and folders, for the message that says
 * what to cut.
 *
 * @param measure what {@code size} is: the exact unzipped total, or an estimate of the zip (known exactly only
 *                once written)
 */
public record LayerBudget(long size, long limit, List<DistributionFacts> largest, List<FolderSize> largestFolders,
                          Measure measure) {
    /** How many distributions and folders a message names. */
    private static final int NAMED = 5;

    /** What is measured against the limit. */
    public enum Measure {
        /** The sum of the files' sizes, exact. */
        UNZIPPED,
        /** The zip's size, estimated from the wheels' compressed sizes. */
        ZIPPED
    }

    public LayerBudget {
        largest = List.copyOf(largest);
        largestFolders = List.copyOf(largestFolders);
        Objects.requireNonNull(measure, "measure");
    }

    /** The plan against the 250 MB unzipped limit. */
    public static LayerBudget of(LayerPlan plan) {
        return of(plan, LambdaLimits.MAX_UNZIPPED_BYTES);
    }

    public static LayerBudget of(LayerPlan plan, long limit) {
        return new LayerBudget(plan.uncompressedSize(), limit, largest(plan), plan.largestFolders(2, NAMED),
                Measure.UNZIPPED);
    }

    /** The plan's estimated zip size against the 50 MB of a direct upload (not through S3). */
    public static LayerBudget zipped(LayerPlan plan) {
        return zipped(plan, LambdaLimits.MAX_DIRECT_UPLOAD_BYTES);
    }

    public static LayerBudget zipped(LayerPlan plan, long limit) {
        return new LayerBudget(plan.zipSizeEstimate(), limit, largest(plan), plan.largestFolders(2, NAMED),
                Measure.ZIPPED);
    }

    private static List<DistributionFacts> largest(LayerPlan plan) {
        List<DistributionFacts> bySize = new ArrayList<>(plan.distributions());
        bySize.sort(Comparator.comparingLong(DistributionFacts::installedSize).reversed()
                .thenComparing(DistributionFacts::name));
        return bySize.subList(0, Math.min(NAMED, bySize.size()));
    }

    public boolean fits() {
        return size <= limit;
    }

    /** Throws {@link LayerTooLargeException} naming the largest distributions when the layer does not fit. */
    public void check() {
        check(List.of());
    }

    /**
     * Throws {@link LayerTooLargeException} when the layer does not fit, with {@code savings} (what options not
     * chosen would save, one hint each) first among its hints.
     */
    public void check(List<String> savings) {
        if (!fits()) {
            throw new LayerTooLargeException(this, savings);
        }
    }
}
