package dev.pylayer.inspect;

import dev.pylayer.PylayerException;
import java.util.List;

/** Errors of inspecting a layer: it cannot be read at all, or (for a build) it would not load. */
public abstract sealed class InspectException extends PylayerException
        permits UnreadableLayerException, LayerWillNotLoadException {
    InspectException(String message, List<String> hints, Throwable cause) {
        super(message, hints, cause);
    }
}
