package dev.pylayer.inspect;

import java.util.Objects;

/**
 * One problem or fact about a layer.
 *
 * @param severity how bad it is
 * @param kind     what it is about
 * @param path     the zip entry or folder concerned ({@code ""} for the layer as a whole)
 * @param message  what is wrong, naming the file and the numbers ("needs GLIBC_2.28, python3.11 has glibc 2.26")
 * @param fix      what to do about it
 */
public record Finding(Severity severity, FindingKind kind, String path, String message, String fix) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }
}
