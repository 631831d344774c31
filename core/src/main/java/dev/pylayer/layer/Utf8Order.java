package dev.pylayer.layer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Orders paths by their UTF-8 bytes, which is code point order: what Python's {@code sorted} gives for RECORD
 * rows, and an order that does not depend on the JVM (unlike {@link String#compareTo}, which compares UTF-16
 * units and puts U+E000–U+FFFF after supplementary characters).
 */
final class Utf8Order implements Comparator<String> {
    static final Utf8Order INSTANCE = new Utf8Order();

    private Utf8Order() {
    }

    @Override
    public int compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
