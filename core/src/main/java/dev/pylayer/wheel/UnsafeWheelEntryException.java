package dev.pylayer.wheel;

import java.util.List;

/**
 * A wheel entry that would write outside the install directory or is not a plain file: refused before any
 * byte of the wheel is installed (pip refuses path traversal the same way, in {@code assert_no_path_traversal}).
 */
public final class UnsafeWheelEntryException extends WheelException {

    /** Why an entry name or type is refused. */
    public enum Reason {
        EMPTY("has an empty name"),
        ABSOLUTE("is an absolute path"),
        PARENT_SEGMENT("has a `..` segment that climbs out of the install directory"),
        DOT_SEGMENT("has a `.` or empty path segment"),
        DRIVE_LETTER("starts with a Windows drive letter"),
        BACKSLASH("contains a backslash, a path separator on Windows"),
        CONTROL_CHARACTER("contains a NUL or another control character"),
        SYMLINK("is a symbolic link; wheels may only contain regular files"),
        SPECIAL_FILE("is a device, pipe or socket; wheels may only contain regular files");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final String wheel;
    private final String entry;
    private final Reason reason;

    public UnsafeWheelEntryException(String wheel, String entry, Reason reason) {
        super("wheel `" + wheel + "` has an unsafe entry `" + printable(entry) + "`: it " + reason.description(),
                List.of("pylayer refuses to install it; the wheel is broken or hostile,"
                        + " check where it came from and pin another version"));
        this.wheel = wheel;
        this.entry = entry;
        this.reason = reason;
    }

    public String wheel() {
        return wheel;
    }

    public String entry() {
        return entry;
    }

    public Reason reason() {
        return reason;
    }

    /** Control characters shown as {@code \\uXXXX} so a hostile name cannot rewrite the terminal. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
