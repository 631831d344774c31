package dev.pylayer.inspect;

import java.nio.file.Path;
import java.util.List;

/** The layer file is missing or is not a zip archive. */
public final class UnreadableLayerException extends InspectException {
    public UnreadableLayerException(Path layer, String why, Throwable cause) {
        super("cannot read layer `" + layer + "`: " + why,
                List.of("a Lambda layer is a .zip file; check the path, or rebuild the layer"), cause);
    }
}
