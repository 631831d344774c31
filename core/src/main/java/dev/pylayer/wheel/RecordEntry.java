package dev.pylayer.wheel;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** One RECORD row: a path (relative to the install root, {@code /}-separated), an optional hash, an optional size. */
public record RecordEntry(String path, Optional<RecordHash> hash, OptionalLong size) {
    public RecordEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(size, "size");
    }

    /** A row with neither hash nor size, as RECORD lists itself. */
    public static RecordEntry unhashed(String path) {
        return new RecordEntry(path, Optional.empty(), OptionalLong.empty());
    }

    /** The same hash and size at another path. */
    public RecordEntry withPath(String newPath) {
        return new RecordEntry(newPath, hash, size);
    }
}
