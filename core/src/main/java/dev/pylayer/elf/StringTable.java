package dev.pylayer.elf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A string table ({@code SHT_STRTAB} section, or {@code DT_STRTAB}/{@code DT_STRSZ} in a file without section
 * headers): NUL-terminated strings that names elsewhere in the file point into by byte index.
 */
record StringTable(long offset, long size) {
    /** Library names, sonames and version names are short; a longer "string" is garbage. */
    private static final int MAX_STRING = 4096;

    /** The NUL-terminated string at {@code index}; {@code field} names the pointer for the error message. */
    String string(ElfSource source, long index, String field) {
        if (index < 0 || index >= size) {
            throw new MalformedElfException("`" + field + "` points at " + index + ", outside its string table ("
                    + size + " bytes)");
        }
        int length = (int) Math.min(MAX_STRING, size - index);
        ByteBuffer bytes = source.read(offset + index, length, field + " string");
        for (int i = 0; i < length; i++) {
            if (bytes.get(i) == 0) {
                return new String(bytes.array(), 0, i, StandardCharsets.UTF_8);
            }
        }
        throw new MalformedElfException("the `" + field + "` string at " + index + " is not terminated within "
                + length + " bytes");
    }
}
