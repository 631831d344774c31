package dev.pylayer.layer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A layer's size against a Lambda limit, checked on the plan before writing: the total of the files'
 * uncompressed sizes against the 250 MB a function and its layers may take unzipped, and the largest
 * distributions, for the message that says what to cut.
 */
public record LayerBudget(long size, long limit, List<DistributionFacts> largest) {
    /** Lambda's quota on a function's deployment package and layers, unzipped: 250 MB. */
    public static final long LAMBDA_UNZIPPED_LIMIT = 262_144_000L;
    /** Lambda's quota on a zip uploaded directly (not through S3): 50 MB. */
    public static final long LAMBDA_DIRECT_UPLOAD_LIMIT = 52_428_800L;
    /** How many distributions a message names. */
    private static final int NAMED = 5;

    public LayerBudget {
        largest = List.copyOf(largest);
    }

    /** The plan against the 250 MB unzipped limit. */
    public static LayerBudget of(LayerPlan plan) {
        return of(plan, LAMBDA_UNZIPPED_LIMIT);
    }

    public static LayerBudget of(LayerPlan plan, long limit) {
        List<DistributionFacts> bySize = new ArrayList<>(plan.distributions());
        bySize.sort(Comparator.comparingLong(DistributionFacts::installedSize).reversed()
                .thenComparing(DistributionFacts::name));
        return new LayerBudget(plan.uncompressedSize(), limit, bySize.subList(0, Math.min(NAMED, bySize.size())));
    }

    public boolean fits() {
        return size <= limit;
    }

    /** Throws {@link LayerTooLargeException} naming the largest distributions when the layer does not fit. */
    public void check() {
        if (!fits()) {
            throw new LayerTooLargeException("unzipped", size, limit, largest);
        }
    }

    /** Whether a written zip of {@code zipSize} bytes can be uploaded directly rather than through S3. */
    public static boolean fitsDirectUpload(long zipSize) {
        return zipSize <= LAMBDA_DIRECT_UPLOAD_LIMIT;
    }

    /** {@code 12.3 MB} (MiB, as the Lambda console counts). */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
