package dev.pylayer.wheel;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The header section of an RFC 822 style file (METADATA, WHEEL), read as Python's {@code email} parser reads
 * it with the {@code compat32} policy that {@code importlib.metadata} and pip use: header lines are
 * {@code Name: value} with a name of printable ASCII, lines starting with a space or tab continue the previous
 * header, and the first line that is neither (a blank line, normally) ends the headers; the rest is the body
 * and is ignored here. Each line is decoded as UTF-8, or as Latin-1 when it is not valid UTF-8, as
 * {@code packaging.metadata} falls back.
 */
final class HeaderBlock {
    private record Header(String name, String value) {
    }

    private final List<Header> headers;

    private HeaderBlock(List<Header> headers) {
        this.headers = headers;
    }

    static HeaderBlock parse(byte[] data) {
        List<Header> headers = new ArrayList<>();
        String name = null;
        StringBuilder value = null;
        int start = startsWithBom(data) ? 3 : 0;
        boolean first = true;
        while (start < data.length) {
            int end = start;
            while (end < data.length && data[end] != '\n' && data[end] != '\r') {
                end++;
            }
            String line = decode(data, start, end);
            boolean crlf = end + 1 < data.length && data[end] == '\r' && data[end + 1] == '\n';
            start = end + (crlf ? 2 : 1);
            if (first && line.startsWith("From ")) {
                first = false;
                continue;
            }
            first = false;
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (value != null) {
                    value.append('\n').append(line);
                }
                continue;
            }
            int colon = headerColon(line);
            if (colon < 0) {
                break;
            }
            if (name != null) {
                headers.add(new Header(name, value.toString()));
            }
            if (colon == 0) {
                // Python records a defect and drops a header with an empty name.
                name = null;
                value = null;
                continue;
            }
            name = line.substring(0, colon);
            value = new StringBuilder(stripLeading(line.substring(colon + 1)));
        }
        if (name != null) {
            headers.add(new Header(name, value.toString()));
        }
        return new HeaderBlock(List.copyOf(headers));
    }

    /** Every value of a header, case-insensitively, continuation lines joined with {@code \n} as Python keeps them. */
    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /** The first value of a header (Python's {@code Message.get}). */
    Optional<String> first(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /** Header names as first spelled, in order, each once (compared case-insensitively). */
    Set<String> names() {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (Header header : headers) {
            if (seen.add(header.name().toLowerCase(Locale.ROOT))) {
                names.add(header.name());
            }
        }
        return names;
    }

    /** RFC 5322 unfolding (line breaks removed, the whitespace after them kept), then trimmed. */
    static String unfold(String value) {
        return value.replace("\n", "").strip();
    }

    /** Python's {@code headerRE}: {@code [\041-\071\073-\176]*:} at the start of the line. */
    private static int headerColon(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':') {
                return i;
            }
            if (c < 0x21 || c > 0x7e) {
                return -1;
            }
        }
        return -1;
    }

    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(i);
    }

    private static boolean startsWithBom(byte[] data) {
        return data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf;
    }

    /** A line as text: UTF-8, or Latin-1 when it is not valid UTF-8. */
    private static String decode(byte[] data, int start, int end) {
        try {
            return StrictUtf8.decode(data, start, end);
        } catch (CharacterCodingException e) {
            return new String(data, start, end - start, StandardCharsets.ISO_8859_1);
        }
    }
}
