package dev.pylayer.runtime;

import java.util.Locale;

/**
 * Byte counts for messages, in Lambda's units: MB meaning MiB and KB meaning KiB, as the Lambda documentation
 * and console count them (so a layer's size reads against {@link LambdaLimits} in the same unit).
 */
public final class ByteSize {
    private static final double KB = 1024.0;
    private static final double MB = 1024.0 * 1024.0;

    private ByteSize() {
    }

    /** {@code 512 B}, {@code 3.4 KB}, {@code 12.3 MB}; a negative count keeps its sign. */
    public static String human(long bytes) {
        long magnitude = Math.abs(bytes);
        if (magnitude < 1024) {
            return bytes + " B";
        }
        if (magnitude < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / KB);
        }
        return megabytes(bytes);
    }

    /**
     * {@code 12.3 MB} whatever the size ({@code 0.1 MB} for 100 KB): for a list of sizes read against a limit in
     * MB, where one unit throughout is easier to compare than the closest one.
     */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / MB);
    }
}
