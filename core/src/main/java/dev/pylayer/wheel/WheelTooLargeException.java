package dev.pylayer.wheel;

import dev.pylayer.runtime.LambdaLimits;
import java.util.List;

/**
 * A wheel whose entries declare (in the central directory) or inflate to more bytes than the budget, by
 * default Lambda's 250 MB unzipped limit: refused without inflating it, as a zip bomb must be.
 */
public final class WheelTooLargeException extends WheelException {
    private final String wheel;
    private final String entry;
    private final long size;
    private final long budget;

    /**
     * @param entry the largest entry, or the one that inflated past its declared size
     * @param size  the declared total, or the number of bytes reached when inflation was stopped
     */
    public WheelTooLargeException(String wheel, String entry, long size, long budget, String why) {
        super("wheel `" + wheel + "` " + why + " (" + size + " bytes; budget " + budget + " bytes; entry `"
                        + UnsafeWheelEntryException.printable(entry) + "`)",
                List.of("a Lambda layer holds at most " + LambdaLimits.MAX_UNZIPPED_BYTES + " bytes unzipped, and a wheel"
                                + " that declares more is refused before any of it is inflated: --exclude and --slim"
                                + " apply later and cannot make it fit (a function that needs it whole can be a"
                                + " container image, up to 10 GB)",
                        "a wheel that inflates past the sizes it declares is a zip bomb"));
        this.wheel = wheel;
        this.entry = entry;
        this.size = size;
        this.budget = budget;
    }

    public String wheel() {
        return wheel;
    }

    public String entry() {
        return entry;
    }

    public long size() {
        return size;
    }

    public long budget() {
        return budget;
    }
}
