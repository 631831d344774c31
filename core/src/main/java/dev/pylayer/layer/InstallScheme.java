package dev.pylayer.layer;

import dev.pylayer.wheel.InvalidWheelException;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@code pip install --target DIR} puts a wheel entry, relative to DIR (the layer's site-packages).
 * pip installs into a temporary {@code --home} and then moves it ({@code _handle_target_dir} in
 * {@code commands/install.py}); the {@code posix_home} scheme there gives:
 * <ul>
 * <li>the wheel root, {@code .data/purelib} and {@code .data/platlib} → {@code DIR/} (home {@code lib/python});</li>
 * <li>{@code .data/scripts} → {@code DIR/bin/};</li>
 * <li>{@code .data/headers} → {@code DIR/include/python/<name>/};</li>
 * <li>{@code .data/data} → {@code DIR/}, except that pip moves nothing from a top-level data folder that
 *     prefixes {@code lib/python} ({@code l}, {@code li}, {@code lib}): files under {@code lib/python/} end up in
 *     {@code DIR/} through purelib, other files there are lost. pylayer does the same.</li>
 * </ul>
 * Any top-level folder named {@code *.data} is a data folder (pip's {@code is_data_scheme_path}); an unknown
 * scheme key or a file directly in it is an error, as in pip.
 */
final class InstallScheme {
    enum Kind { LIB, SCRIPT, HEADER, DATA }

    record Destination(String path, Kind kind) {
    }

    private static final Set<String> LOST_DATA_FOLDERS = Set.of("l", "li", "lib");

    private InstallScheme() {
    }

    /**
     * The destination of a file entry (already checked by {@code EntryPath}), or empty when pip would not
     * install it.
     *
     * @param headersName the project name for the headers folder: pip uses the requirement's name, which for a
     *                    wheel file is the normalized name of its file name ({@code include/python/greenlet/})
     */
    static Optional<Destination> destination(String wheel, String entry, String headersName) {
        int slash = entry.indexOf('/');
        if (slash < 0 || !entry.substring(0, slash).endsWith(".data")) {
            return Optional.of(new Destination(entry, Kind.LIB));
        }
        String[] parts = entry.split("/", 3);
        if (parts.length < 3) {
            throw new InvalidWheelException(wheel, entry,
                    ".data directory contents should be named like `<scheme key>/<path>`");
        }
        String rest = parts[2];
        return switch (parts[1]) {
            case "purelib", "platlib" -> Optional.of(new Destination(rest, Kind.LIB));
            case "scripts" -> Optional.of(new Destination("bin/" + rest, Kind.SCRIPT));
            case "headers" -> Optional.of(new Destination("include/python/" + headersName + "/" + rest, Kind.HEADER));
            case "data" -> data(rest);
            default -> throw new InvalidWheelException(wheel, entry, "unknown scheme key `" + parts[1]
                    + "` in the .data directory; valid keys are data, headers, platlib, purelib, scripts");
        };
    }

    private static Optional<Destination> data(String rest) {
        int slash = rest.indexOf('/');
        String top = slash < 0 ? rest : rest.substring(0, slash);
        if (!LOST_DATA_FOLDERS.contains(top)) {
            return Optional.of(new Destination(rest, Kind.DATA));
        }
        if (rest.startsWith("lib/python/")) {
            return Optional.of(new Destination(rest.substring("lib/python/".length()), Kind.LIB));
        }
        return Optional.empty();
    }
}
