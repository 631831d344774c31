package dev.pylayer.cache;

import dev.pylayer.PylayerException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The cache folder cannot be read or written. */
public final class CacheException extends PylayerException {
    private final Path path;

    CacheException(Path path, IOException cause) {
        super("cannot use the cache at `" + path + "`: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                List.of("check the folder's permissions and free space",
                        "or choose another folder with `--cache-dir`, or build with `--no-cache`"),
                cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
