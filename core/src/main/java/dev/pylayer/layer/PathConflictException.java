package dev.pylayer.layer;

import java.util.List;

/**
 * Two wheels (or one wheel twice) install different content at the same layer path, or one installs a file
 * where another needs a directory. pip would let the last one win silently; a layer must not depend on the
 * order of installation, so pylayer refuses.
 */
public final class PathConflictException extends LayerException {
    private final String path;
    private final String firstWheel;
    private final String secondWheel;

    public PathConflictException(String path, String firstWheel, String secondWheel, String why) {
        super("`" + path + "` " + why + ": `" + firstWheel + "` and `" + secondWheel + "`",
                List.of("two distributions ship the same file with different content; drop one of them from the"
                        + " requirements, or pin versions that agree"));
        this.path = path;
        this.firstWheel = firstWheel;
        this.secondWheel = secondWheel;
    }

    /** The layer path both want. */
    public String path() {
        return path;
    }

    public String firstWheel() {
        return firstWheel;
    }

    public String secondWheel() {
        return secondWheel;
    }
}
