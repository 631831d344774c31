package dev.pylayer.wheel;

import java.util.List;
import java.util.Optional;

/**
 * A wheel archive that cannot be installed as it is: not a zip, no single {@code .dist-info} directory,
 * METADATA/WHEEL/RECORD missing or wrong, duplicate entries, a RECORD that disagrees with the archive,
 * content that does not match its declared size, CRC or hash. Names the wheel and, when there is one, the entry.
 */
public final class InvalidWheelException extends WheelException {
    private final String wheel;
    private final String entry;

    public InvalidWheelException(String wheel, String why) {
        this(wheel, null, why, null);
    }

    public InvalidWheelException(String wheel, String entry, String why) {
        this(wheel, entry, why, null);
    }

    public InvalidWheelException(String wheel, String entry, String why, Throwable cause) {
        super("wheel `" + wheel + "`" + (entry == null ? "" : ", entry `" + entry + "`") + ": " + why,
                List.of("the file is damaged or was not built as a wheel; delete it from the cache and download it"
                        + " again, or pin another version of the project"),
                cause);
        this.wheel = wheel;
        this.entry = entry;
    }

    /** The wheel's file name. */
    public String wheel() {
        return wheel;
    }

    /** The entry at fault, when the problem is one entry. */
    public Optional<String> entry() {
        return Optional.ofNullable(entry);
    }
}
