package dev.pylayer.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** A written layer zip read back for assertions: entries in order, contents, raw bytes and the header fields. */
final class LayerZip {
    /** One entry as its central directory header has it, with its content. */
    record Entry(String name, int method, int unixMode, byte[] content, byte[] raw) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** The fixed fields of a local or central header, read from the bytes. */
    record Header(String name, int versionMadeBy, int versionNeeded, int flags, int method, int dosTime, int dosDate,
                  int extraLength, int commentLength, boolean central) {
    }

    final Map<String, Entry> entries = new LinkedHashMap<>();
    final List<Header> headers = new ArrayList<>();
    final byte[] bytes;

    LayerZip(Path file) {
        try {
            bytes = Files.readAllBytes(file);
            try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
                for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                    byte[] content;
                    byte[] raw;
                    try (InputStream in = zip.getInputStream(entry)) {
                        content = in.readAllBytes();
                    }
                    try (InputStream in = zip.getRawInputStream(entry)) {
                        raw = in.readAllBytes();
                    }
                    entries.put(entry.getName(), new Entry(entry.getName(), entry.getMethod(), entry.getUnixMode(), content, raw));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        readHeaders();
    }

    List<String> names() {
        return List.copyOf(entries.keySet());
    }

    Entry get(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new AssertionError("no entry `" + name + "` in " + names());
        }
        return entry;
    }

    /** Walks every local file header and central directory header by their signatures. */
    private void readHeaders() {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int offset = 0;
        while (offset + 4 <= bytes.length) {
            int signature = buffer.getInt(offset);
            if (signature == 0x04034b50) {
                int nameLength = Short.toUnsignedInt(buffer.getShort(offset + 26));
                int extraLength = Short.toUnsignedInt(buffer.getShort(offset + 28));
                int compressed = buffer.getInt(offset + 18);
                String name = new String(bytes, offset + 30, nameLength, StandardCharsets.UTF_8);
                headers.add(new Header(name, -1, Short.toUnsignedInt(buffer.getShort(offset + 4)),
                        Short.toUnsignedInt(buffer.getShort(offset + 6)), Short.toUnsignedInt(buffer.getShort(offset + 8)),
                        Short.toUnsignedInt(buffer.getShort(offset + 10)), Short.toUnsignedInt(buffer.getShort(offset + 12)),
                        extraLength, 0, false));
                offset += 30 + nameLength + extraLength + compressed;
            } else if (signature == 0x02014b50) {
                int nameLength = Short.toUnsignedInt(buffer.getShort(offset + 28));
                int extraLength = Short.toUnsignedInt(buffer.getShort(offset + 30));
                int commentLength = Short.toUnsignedInt(buffer.getShort(offset + 32));
                String name = new String(bytes, offset + 46, nameLength, StandardCharsets.UTF_8);
                headers.add(new Header(name, Short.toUnsignedInt(buffer.getShort(offset + 4)),
                        Short.toUnsignedInt(buffer.getShort(offset + 6)), Short.toUnsignedInt(buffer.getShort(offset + 8)),
                        Short.toUnsignedInt(buffer.getShort(offset + 10)), Short.toUnsignedInt(buffer.getShort(offset + 12)),
                        Short.toUnsignedInt(buffer.getShort(offset + 14)), extraLength, commentLength, true));
                offset += 46 + nameLength + extraLength + commentLength;
            } else if (signature == 0x06054b50) {
                break;
            } else {
                throw new AssertionError("unexpected signature at " + offset + ": " + Integer.toHexString(signature));
            }
        }
    }
}
