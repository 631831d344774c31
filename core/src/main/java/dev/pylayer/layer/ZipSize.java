package dev.pylayer.layer;

import java.nio.charset.StandardCharsets;

/**
 * What an entry takes in a layer zip, known before writing because wheel entries are copied raw: its compressed
 * data in the wheel (a generated file counts its full size, an upper bound) plus its local header and central
 * directory record (30 and 46 bytes and the name twice, with no extra fields: see {@link LayerZipWriter}).
 */
final class ZipSize {
    /** The end of central directory record. */
    static final long END_RECORD = 22;

    private ZipSize() {
    }

    static long of(String entryName, LayerFile file) {
        long data = file instanceof LayerFile.Copied copied ? copied.entry().compressedSize() : file.size();
        return data + headers(entryName);
    }

    static long headers(String entryName) {
        return 30 + 46 + 2L * entryName.getBytes(StandardCharsets.UTF_8).length;
    }
}
