package dev.pylayer.elf;

import java.util.List;
import java.util.Objects;

/** One {@code Verneed} entry: the symbol versions a file needs from one library ({@code libc.so.6}). */
public record VersionNeed(String library, List<SymbolVersion> versions) {
    public VersionNeed {
        Objects.requireNonNull(library, "library");
        versions = List.copyOf(versions);
    }
}
