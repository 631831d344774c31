package dev.pylayer.layer;

import java.util.Comparator;

/**
 * Orders paths by their UTF-8 bytes, which is code point order: what Python's {@code sorted} gives for RECORD
 * rows, and an order that does not depend on the JVM (unlike {@link String#compareTo}, which compares UTF-16
 * units and puts U+E000–U+FFFF after supplementary characters). Compared char by char, without encoding (a layer
 * sorts tens of thousands of paths): UTF-16 order is code point order once surrogates are moved above
 * U+E000–U+FFFF (ICU's {@code u_strCmpCodePointOrder}). Paths come from UTF-8 names, so they hold no unpaired
 * surrogates.
 */
final class Utf8Order implements Comparator<String> {
    static final Utf8Order INSTANCE = new Utf8Order();

    private Utf8Order() {
    }

    @Override
    public int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    return Integer.compare(fixUp(x), fixUp(y));
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Surrogates (supplementary characters) after U+E000–U+FFFF, each group keeping its order. */
    private static int fixUp(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
