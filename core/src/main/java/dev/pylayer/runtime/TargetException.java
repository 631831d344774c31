package dev.pylayer.runtime;

import dev.pylayer.PylayerException;
import java.util.List;

/** Errors naming a Lambda target (runtime or architecture) that does not exist. */
public abstract sealed class TargetException extends PylayerException
        permits UnknownRuntimeException, UnknownArchitectureException {
    protected TargetException(String message, List<String> hints) {
        super(message, hints);
    }
}
