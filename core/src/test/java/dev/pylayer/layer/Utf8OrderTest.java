package dev.pylayer.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Utf8Order} is the order of the UTF-8 bytes, computed without encoding. */
class Utf8OrderTest {
    private static int bytes(String a, String b) {
        return Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource({
            "a, b, -1",
            "a, a, 0",
            "a, ab, -1",
            "a/b, a.b, 1",
            "Z, a, -1",
            "\u00e9, z, 1",
            "\uffff, \ud83d\ude00, -1",
            "\ue000, \ud800\udc00, -1",
            "\ud7ff, \ue000, -1",
            "\ud83d\ude00, \ud83d\ude01, -1",
            "x\ud83d\ude00, x\uffff, 1",
            "python/lib/x\ud83d\ude00.py, python/lib/x\ue000.py, 1",
            "python/lib/x\ue000.py, python/lib/x\ud83d\ude00.py, -1",
            "a\ud83d\ude00, b\uffff, -1",
            "b\ud83d\ude00, a\uffff, 1",
            "a\ud83d\ude00, a, 1",
            "a\ud83d\ude00, a\ud83d\ude00, 0",
            "\u00e9, \ud83d\ude00, -1",
            "\u00ff, \u0100, -1",
            "\u00e9\ud83d\ude00, \u00e9\uffff, 1",
            "x\uffff/a, x\uffff/b, -1",
    })
    void ordersByCodePointsAsUtf8BytesDo(String a, String b, int expected) {
        assertEquals(expected, Integer.signum(Utf8Order.INSTANCE.compare(a, b)));
        assertEquals(-expected, Integer.signum(Utf8Order.INSTANCE.compare(b, a)));
        assertEquals(expected, bytes(a, b));
    }

    @Test
    void agreesWithTheBytesOnRandomPaths() {
        Random random = new Random(11);
        int[] alphabet = {'a', 'b', '/', '.', '_', 0xe9, 0x4e2d, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff};
        for (int i = 0; i < 20_000; i++) {
            String a = path(random, alphabet);
            String b = random.nextInt(4) == 0 ? a + path(random, alphabet) : path(random, alphabet);
            assertEquals(bytes(a, b), Integer.signum(Utf8Order.INSTANCE.compare(a, b)), a + " vs " + b);
        }
    }

    private static String path(Random random, int[] alphabet) {
        StringBuilder path = new StringBuilder();
        for (int n = random.nextInt(6); n > 0; n--) {
            path.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
        }
        return path.toString();
    }
}
