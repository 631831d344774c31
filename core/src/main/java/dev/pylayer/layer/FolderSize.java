package dev.pylayer.layer;

import java.util.Objects;

/** A folder of a layer, relative to site-packages, and the unzipped size of the files below it. */
public record FolderSize(String path, long bytes) {
    public FolderSize {
        Objects.requireNonNull(path, "path");
    }
}
