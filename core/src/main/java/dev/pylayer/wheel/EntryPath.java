package dev.pylayer.wheel;

import dev.pylayer.wheel.UnsafeWheelEntryException.Reason;
import java.util.Optional;

/**
 * Whether a zip entry name is safe to install below a directory. Stricter than pip, which normalizes the
 * name and refuses only what lands outside the target ({@code is_within_directory}): any {@code ..},
 * {@code .} or empty segment, absolute path, drive letter, backslash or control character is refused, so
 * that the name in the wheel, the path in RECORD and the path in the layer are one and the same string.
 * A trailing {@code /} marks a directory entry and is allowed.
 */
public final class EntryPath {
    private EntryPath() {
    }

    /** Why {@code name} is unsafe, or empty when it is a plain relative path. */
    public static Optional<Reason> problem(String name) {
        if (name.isEmpty() || name.equals("/")) {
            return Optional.of(name.isEmpty() ? Reason.EMPTY : Reason.ABSOLUTE);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of(Reason.CONTROL_CHARACTER);
            }
        }
        if (name.startsWith("/")) {
            return Optional.of(Reason.ABSOLUTE);
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
            return Optional.of(Reason.DRIVE_LETTER);
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of(Reason.BACKSLASH);
        }
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : body.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of(Reason.PARENT_SEGMENT);
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of(Reason.DOT_SEGMENT);
            }
        }
        return Optional.empty();
    }

    /** Throws {@link UnsafeWheelEntryException} naming {@code wheel} when {@code name} is unsafe. */
    public static void check(String wheel, String name) {
        Optional<Reason> problem = problem(name);
        if (problem.isPresent()) {
            throw new UnsafeWheelEntryException(wheel, name, problem.get());
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
