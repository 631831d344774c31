package dev.pylayer.tags;

/**
 * Why a wheel tag does not fit a target, from the farthest miss to the nearest (uv's {@code IncompatibleTag}):
 * a later constant is a closer miss, and the closest miss among a wheel's tags is the one worth reporting.
 */
public enum IncompatibleTag {
    /** The interpreter is not one the target runs (e.g. {@code cp312} on Python 3.11, {@code pp310}, {@code py2}). */
    PYTHON,
    /** The interpreter fits but the ABI does not (e.g. {@code cp313t} free-threaded, {@code cp311d} debug). */
    ABI,
    /** Interpreter and ABI fit; the platform does not (newer glibc, another architecture, musl, macOS, Windows). */
    PLATFORM
}
