package dev.pylayer.wheel;

import java.util.Objects;

/**
 * A file entry of a wheel as its central directory declares it. Sizes and CRC are the declared ones; reading
 * through {@link WheelArchive} checks that the content agrees.
 *
 * @param method   {@link #STORED} or {@link #DEFLATED} (other methods are refused when the wheel is opened)
 * @param unixMode the Unix mode in the high half of the external attributes, 0 when none was recorded
 */
public record WheelEntry(String name, int method, long compressedSize, long size, long crc, int unixMode) {
    public static final int STORED = 0;
    public static final int DEFLATED = 8;

    public WheelEntry {
        Objects.requireNonNull(name, "name");
    }

    // equals and hashCode are written out: a record's own are bootstrapped through method handles on their first call,
    // which costs a cold JVM milliseconds per record type, on the build's critical path (see docs/architecture.md).
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof WheelEntry that && name.equals(that.name) && method == that.method
                && compressedSize == that.compressedSize && size == that.size && crc == that.crc
                && unixMode == that.unixMode;
    }

    @Override
    public int hashCode() {
        int hash = name.hashCode();
        hash = 31 * hash + method;
        hash = 31 * hash + Long.hashCode(compressedSize);
        hash = 31 * hash + Long.hashCode(size);
        hash = 31 * hash + Long.hashCode(crc);
        return 31 * hash + unixMode;
    }

    /**
     * Whether pip would make the installed file executable: a regular file (or one with no type bits) with
     * any execute bit ({@code zip_item_is_executable}).
     */
    public boolean isExecutable() {
        int type = unixMode & 0170000;
        return (type == 0100000 || type == 0) && (unixMode & 0111) != 0;
    }
}
