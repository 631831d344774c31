package dev.pylayer.wheel;

import java.util.List;

/** A file name that is not a wheel file name (PEP 427, as {@code packaging.utils.parse_wheel_filename} reads it). */
public final class InvalidWheelFilenameException extends WheelException {
    private final String filename;

    public InvalidWheelFilenameException(String filename, String why) {
        super("`" + filename + "` is not a valid wheel file name: " + why,
                List.of("wheel file names look like {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl,"
                        + " e.g. requests-2.32.3-py3-none-any.whl"));
        this.filename = filename;
    }

    /** The name that failed to parse. */
    public String filename() {
        return filename;
    }
}
