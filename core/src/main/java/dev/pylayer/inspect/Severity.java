package dev.pylayer.inspect;

import java.util.Locale;

/** How bad a finding is. Only {@link #ERROR} makes a layer fail ({@link InspectionReport#willLoad()}). */
public enum Severity {
    /** Something will not load or import on the target: the layer is broken there. */
    ERROR,
    /** Something may fail, or is wasteful or suspicious, but imports need not break. */
    WARNING,
    /** Worth knowing; nothing to fix. */
    INFO;

    /** {@code error}, {@code warning}, {@code info}: as the CLI prints it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
