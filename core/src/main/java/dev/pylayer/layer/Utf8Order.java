package dev.pylayer.layer;

import java.util.Comparator;

/**
 * Orders paths by their UTF-8 bytes, which is code point order: what Python's {@code sorted} gives for RECORD
 * rows, and an order that does not depend on the JVM. {@link String#compareTo} compares UTF-16 units, which is
 * code point order except that it puts U+E000–U+FFFF after supplementary characters (surrogate pairs): so it
 * decides whenever neither string holds a surrogate, and only then are the strings compared char by char with
 * surrogates moved above U+E000–U+FFFF (ICU's {@code u_strCmpCodePointOrder}). A layer sorts tens of thousands
 * of paths that share a long {@code python/lib/python3.X/site-packages/} prefix, and mostly on a cold JVM:
 * {@code compareTo} runs compiled JDK code where a char loop of our own is still interpreted, and
 * {@code codePointCount} answers at once for a Latin-1 string. Paths come from UTF-8 names, so they hold no
 * unpaired surrogates (a surrogate is always part of a pair that {@code codePointCount} counts as one).
 */
final class Utf8Order implements Comparator<String> {
    static final Utf8Order INSTANCE = new Utf8Order();

    private Utf8Order() {
    }

    @Override
    public int compare(String a, String b) {
        int utf16 = a.compareTo(b);
        if (utf16 == 0 || !hasSurrogates(a) && !hasSurrogates(b)) {
            return utf16;
        }
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

    private static boolean hasSurrogates(String path) {
        return path.codePointCount(0, path.length()) != path.length();
    }

    /** Surrogates (supplementary characters) after U+E000–U+FFFF, each group keeping its order. */
    private static int fixUp(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
