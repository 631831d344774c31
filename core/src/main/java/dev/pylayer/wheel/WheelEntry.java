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

    /**
     * Whether pip would make the installed file executable: a regular file (or one with no type bits) with
     * any execute bit ({@code zip_item_is_executable}).
     */
    public boolean isExecutable() {
        int type = unixMode & 0170000;
        return (type == 0100000 || type == 0) && (unixMode & 0111) != 0;
    }
}
