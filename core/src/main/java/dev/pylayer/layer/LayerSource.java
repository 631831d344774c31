package dev.pylayer.layer;

import dev.pylayer.wheel.WheelFilename;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A wheel to install into a layer.
 *
 * @param filename  the wheel's name (the file may be stored under another, e.g. its digest in a cache)
 * @param requested whether the user asked for this distribution (pip writes {@code REQUESTED} for those),
 *                  rather than it being a dependency
 */
public record LayerSource(Path wheel, WheelFilename filename, boolean requested) {
    public LayerSource {
        Objects.requireNonNull(wheel, "wheel");
        Objects.requireNonNull(filename, "filename");
    }

    /** A wheel whose file name is its wheel name. */
    public static LayerSource of(Path wheel, boolean requested) {
        return new LayerSource(wheel, WheelFilename.parse(wheel.getFileName().toString()), requested);
    }
}
