package dev.pylayer.wheel;

import java.util.List;

/** A METADATA or WHEEL file whose required fields are missing or invalid. */
public final class InvalidMetadataException extends WheelException {
    private final String file;

    /**
     * @param file the file that is wrong ({@code METADATA}, {@code WHEEL})
     * @param why  what is wrong, naming the header and its value in backticks
     */
    public InvalidMetadataException(String file, String why) {
        this(file, why, null);
    }

    public InvalidMetadataException(String file, String why, Throwable cause) {
        super(file + " is invalid: " + why,
                List.of("this is a defect of the distribution; report it to its maintainers or pin another version"),
                cause);
        this.file = file;
    }

    /** {@code METADATA} or {@code WHEEL}. */
    public String file() {
        return file;
    }
}
