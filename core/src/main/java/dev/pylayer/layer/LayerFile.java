package dev.pylayer.layer;

import dev.pylayer.wheel.WheelArchive;
import dev.pylayer.wheel.WheelEntry;
import java.util.Arrays;
import java.util.zip.CRC32;

/** One file of a planned layer, at a path relative to site-packages, with permission bits and the wheel it comes from. */
sealed interface LayerFile {
    int FILE_MODE = 0644;
    int EXECUTABLE_MODE = 0755;

    String path();

    long size();

    long crc();

    int mode();

    /** The wheel's file name, for conflict messages. */
    String origin();

    /** Whether the bytes are the same (pip would overwrite one with the other to no effect). */
    default boolean sameContent(LayerFile other) {
        if (size() != other.size() || crc() != other.crc()) {
            return false;
        }
        if (this instanceof Generated mine && other instanceof Generated theirs) {
            return Arrays.equals(mine.content(), theirs.content());
        }
        return true;
    }

    /** An entry copied from a wheel as it is stored there. */
    record Copied(WheelArchive archive, WheelEntry entry, String path, int mode) implements LayerFile {
        @Override
        public long size() {
            return entry.size();
        }

        @Override
        public long crc() {
            return entry.crc();
        }

        @Override
        public String origin() {
            return archive.name();
        }
    }

    /** A file pylayer writes: INSTALLER, REQUESTED, RECORD, script launchers, scripts with a rewritten shebang. */
    record Generated(String origin, String path, byte[] content, int mode, long crc) implements LayerFile {
        Generated(String origin, String path, byte[] content, int mode) {
            this(origin, path, content, mode, crcOf(content));
        }

        @Override
        public long size() {
            return content.length;
        }

        private static long crcOf(byte[] content) {
            CRC32 crc = new CRC32();
            crc.update(content);
            return crc.getValue();
        }
    }
}
