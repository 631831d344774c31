package dev.pylayer.layer;

import dev.pylayer.PylayerException;
import java.util.List;

/** Errors planning or writing a layer zip. */
public abstract sealed class LayerException extends PylayerException
        permits PathConflictException, LayerTooLargeException, LayerWriteException, InvalidExcludeException {

    LayerException(String message, List<String> hints) {
        super(message, hints);
    }

    LayerException(String message, List<String> hints, Throwable cause) {
        super(message, hints, cause);
    }
}
