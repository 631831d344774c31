package dev.pylayer.version;

/**
 * Python's notion of whitespace, which packaging's regular expressions ({@code \s}) and {@code str.strip()}
 * use: the ASCII controls {@code \t \n \x0b \f \r \x1c-\x1f}, {@code \x85} and every Unicode space
 * separator, line and paragraph separator. Java's {@code \s} and {@code String.strip()} each know a different
 * subset, so versions and specifiers use this one to accept and reject exactly what packaging does.
 */
final class PythonText {
    /** A regex character class matching one Python whitespace character. */
    static final String SPACE = "[\\t\\n\\x0B\\f\\r\\x1C-\\x1F\\x85\\p{Z}]";

    private PythonText() {
    }

    static boolean isSpace(char c) {
        return (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F') || c == ' ' || c == '\u0085'
                || (c > 0x7f && Character.isSpaceChar(c));
    }

    /** Python's {@code str.strip()}. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
