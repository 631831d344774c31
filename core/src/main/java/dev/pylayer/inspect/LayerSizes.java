package dev.pylayer.inspect;

import dev.pylayer.runtime.LambdaLimits;
import java.util.List;

/**
 * A layer's weight against Lambda's quotas ({@link LambdaLimits}): a zip uploaded directly in the API request may be
 * 50 MB; the function and all its layers together may be 250 MB unzipped.
 *
 * @param zippedBytes      the size of the zip file
 * @param unzippedBytes    the sum of its files inflated
 * @param files            the number of files
 * @param largestPackages  distributions (by RECORD) and other top-level items of the import roots, largest first
 * @param largestFolders   folders one level inside packages ({@code numpy/_core/}, {@code scipy/sparse/}), largest first
 */
public record LayerSizes(long zippedBytes, long unzippedBytes, int files, List<SizeEntry> largestPackages,
        List<SizeEntry> largestFolders) {
    public LayerSizes {
        largestPackages = List.copyOf(largestPackages);
        largestFolders = List.copyOf(largestFolders);
    }

    /** What is left of the 250 MB for the function's own code and its other layers (negative when over). */
    public long unzippedHeadroom() {
        return LambdaLimits.MAX_UNZIPPED_BYTES - unzippedBytes;
    }
}
