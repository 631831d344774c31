package dev.pylayer.inspect;

import java.util.Objects;

/** A package or folder and what it weighs: inflated, in the archive, and in files. */
public record SizeEntry(String name, long unzippedBytes, long zippedBytes, int files) {
    public SizeEntry {
        Objects.requireNonNull(name, "name");
    }
}
