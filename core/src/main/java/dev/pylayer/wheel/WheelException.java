package dev.pylayer.wheel;

import dev.pylayer.PylayerException;
import java.util.List;

/** Errors reading wheel file names, wheel metadata files and wheel archives. */
public abstract sealed class WheelException extends PylayerException
        permits InvalidWheelFilenameException, InvalidMetadataException, InvalidRecordException,
        InvalidEntryPointException, InvalidWheelException, UnsafeWheelEntryException, WheelTooLargeException {

    WheelException(String message, List<String> hints) {
        super(message, hints);
    }

    WheelException(String message, List<String> hints, Throwable cause) {
        super(message, hints, cause);
    }
}
