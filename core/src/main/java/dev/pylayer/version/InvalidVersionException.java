package dev.pylayer.version;

import java.util.List;

/** Text that is not a PEP 440 version. */
public final class InvalidVersionException extends VersionException {
    public InvalidVersionException(String input) {
        this(input, "is not a PEP 440 version");
    }

    public InvalidVersionException(String input, String why) {
        super("`" + input + "` " + why, input,
                List.of("PEP 440 versions look like 1.2.3, 2.0rc1, 1.0.post2, 1!2.0 or 1.0+local.7"));
    }
}
