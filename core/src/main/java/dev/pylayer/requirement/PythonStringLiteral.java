package dev.pylayer.requirement;

/**
 * The value of a quoted string in a marker. packaging runs {@code ast.literal_eval} on it, so Python's escape
 * sequences apply: {@code '\x41'} is {@code A}, {@code '\n'} a newline, an unknown escape such as {@code '\d'}
 * keeps its backslash, and a malformed one ({@code '\x4'}, an escaped closing quote) is an error.
 */
final class PythonStringLiteral {
    private PythonStringLiteral() {
    }

    /** Thrown for a literal Python would not compile; the message says why. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The value of {@code quoted}, which starts and ends with the same quote character and holds no other. */
    static String value(String quoted) throws Malformed {
        String body = quoted.substring(1, quoted.length() - 1);
        if (body.indexOf('\\') < 0) {
            check(body);
            return body;
        }
        StringBuilder value = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                check(c);
                value.append(c);
                continue;
            }
            if (i + 1 == body.length()) {
                throw new Malformed("the closing quote is escaped, so the string never ends");
            }
            char e = body.charAt(++i);
            switch (e) {
                case '\n': break; // a backslash at the end of a line continues the string
                case '\r':
                    if (i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                        i++;
                    }
                    break;
                case '\\': case '\'': case '"': value.append(e); break;
                case 'a': value.append('\u0007'); break;
                case 'b': value.append('\b'); break;
                case 'f': value.append('\f'); break;
                case 'n': value.append('\n'); break;
                case 'r': value.append('\r'); break;
                case 't': value.append('\t'); break;
                case 'v': value.append('\u000B'); break;
                case 'x': i = hex(body, i, 2, value); break;
                case 'u': i = hex(body, i, 4, value); break;
                case 'U': i = hex(body, i, 8, value); break;
                case 'N': i = named(body, i, value); break;
                default:
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                            end++;
                        }
                        value.append((char) Integer.parseInt(body.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        check(e);
                        value.append('\\').append(e); // Python keeps unknown escapes (with a warning)
                    }
            }
        }
        return value.toString();
    }

    private static int hex(String body, int at, int digits, StringBuilder value) throws Malformed {
        int end = at + 1 + digits;
        if (end > body.length()) {
            throw new Malformed("truncated \\" + body.charAt(at) + " escape");
        }
        for (int i = at + 1; i < end; i++) {
            if (Character.digit(body.charAt(i), 16) < 0 || body.charAt(i) > 'f') {
                throw new Malformed("truncated \\" + body.charAt(at) + " escape");
            }
        }
        long code = Long.parseLong(body.substring(at + 1, end), 16);
        if (code > Character.MAX_CODE_POINT) {
            throw new Malformed("illegal Unicode character in \\U escape");
        }
        value.appendCodePoint((int) code);
        return end - 1;
    }

    private static int named(String body, int at, StringBuilder value) throws Malformed {
        int close = body.indexOf('}', at);
        if (at + 1 >= body.length() || body.charAt(at + 1) != '{' || close < 0) {
            throw new Malformed("malformed \\N character escape");
        }
        String name = body.substring(at + 2, close);
        if (name.isEmpty() || !name.equals(name.strip())) {
            throw new Malformed("unknown Unicode character name");
        }
        try {
            value.appendCodePoint(Character.codePointOf(name));
        } catch (IllegalArgumentException e) {
            throw new Malformed("unknown Unicode character name `" + name + "`");
        }
        return close;
    }

    private static void check(String text) throws Malformed {
        for (int i = 0; i < text.length(); i++) {
            check(text.charAt(i));
        }
    }

    /** Characters Python's tokenizer refuses inside a one-line string: line breaks and NUL. */
    private static void check(char c) throws Malformed {
        if (c == '\n' || c == '\r') {
            throw new Malformed("a quoted string cannot span lines");
        }
        if (c == 0) {
            throw new Malformed("a quoted string cannot contain NUL characters");
        }
    }
}
