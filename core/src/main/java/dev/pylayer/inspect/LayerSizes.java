package dev.pylayer.inspect;

import java.util.List;

/**
 * A layer's weight against Lambda's quotas (AWS Lambda developer guide, "Lambda quotas"): a zip uploaded directly
 * in the API request may be 50 MB; the function and all its layers together may be 250 MB unzipped (the API's
 * error names 262144000 bytes).
 *
 * @param zippedBytes      the size of the zip file
 * @param unzippedBytes    the sum of its files inflated
 * @param files            the number of files
 * @param largestPackages  distributions (by RECORD) and other top-level items of the import roots, largest first
 * @param largestFolders   folders one level inside packages ({@code numpy/_core/}, {@code scipy/sparse/}), largest first
 */
public record LayerSizes(long zippedBytes, long unzippedBytes, int files, List<SizeEntry> largestPackages,
        List<SizeEntry> largestFolders) {
    /** 50 MB: the largest zip the Lambda API accepts in the request itself; larger ones go through S3. */
    public static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;
    /** 250 MB: the function's code and all its layers, unzipped. */
    public static final long UNZIPPED_LIMIT = 250L * 1024 * 1024;

    public LayerSizes {
        largestPackages = List.copyOf(largestPackages);
        largestFolders = List.copyOf(largestFolders);
    }

    /** "12.3 MB" (MB of 2^20 bytes, as Lambda's quotas count them), "845 KB", "12 bytes". */
    public static String format(long bytes) {
        if (Math.abs(bytes) >= 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        if (Math.abs(bytes) >= 1024) {
            return String.format(java.util.Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }

    /** What is left of the 250 MB for the function's own code and its other layers (negative when over). */
    public long unzippedHeadroom() {
        return UNZIPPED_LIMIT - unzippedBytes;
    }
}
