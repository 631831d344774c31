package dev.pylayer.api;

/**
 * A distribution in a built layer: the wheel that was installed, where it came from (credentials never
 * included), its verified sha256 (hex) and size in bytes, and whether the user asked for it by name.
 */
public record BuiltPackage(String name, String version, String filename, String url, String sha256, long size,
        boolean requested) {
}
