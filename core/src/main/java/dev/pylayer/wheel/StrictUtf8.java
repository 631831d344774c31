package dev.pylayer.wheel;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that reports malformed input instead of replacing it, with a fast path for ASCII: nearly every
 * byte of a METADATA or RECORD file is ASCII, and taking those as they are skips a decoder and a char buffer per
 * call (a bundled licence in METADATA is decoded line by line, thousands of lines).
 */
final class StrictUtf8 {
    private StrictUtf8() {
    }

    static String decode(byte[] data, int start, int end) throws CharacterCodingException {
        int i = start;
        while (i < end && data[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(data, start, end - start, StandardCharsets.ISO_8859_1);
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(data, start, end - start))
                .toString();
    }
}
