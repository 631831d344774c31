package dev.pylayer.version;

import dev.pylayer.version.Version.PreKind;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEP 440 text into a {@link Version} as {@code packaging.version.Version} 26.2 does: its fast path for
 * bare releases ({@code 1.2.3}), else its regular expression, with numbers kept exact at any size.
 */
final class VersionParser {
    // packaging 26.2's VERSION_PATTERN with its possessive quantifiers; \s is Python's Unicode whitespace.
    private static final Pattern PATTERN = Pattern.compile(
            PythonText.SPACE + "*v?+"
                    + "(?:(?<epoch>[0-9]+)!)?+"
                    + "(?<release>[0-9]+(?:\\.[0-9]+)*+)"
                    + "(?<pre>[._-]?+(?<preL>alpha|a|beta|b|preview|pre|c|rc)[._-]?+(?<preN>[0-9]+)?)?+"
                    + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[._-]?(?<postL>post|rev|r)[._-]?(?<postN2>[0-9]+)?))?+"
                    + "(?<dev>[._-]?+(?<devL>dev)[._-]?+(?<devN>[0-9]+)?)?+"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[._-][a-z0-9]+)*+))?+"
                    + PythonText.SPACE + "*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_SEPARATOR = Pattern.compile("[._-]");

    private static final int EPOCH = Version.EPOCH;
    private static final int PRE = Version.PRE;
    private static final int POST = Version.POST;
    private static final int DEV = Version.DEV;
    private static final int RELEASE = Version.RELEASE;

    private VersionParser() {
    }

    static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        if (isSimple(text)) {
            return parseSimple(text);
        }
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            throw new InvalidVersionException(text);
        }
        String[] parts = m.group("release").split("\\.");
        BigInteger[][] big = {null};
        int slots = RELEASE + parts.length;
        long epoch = m.group("epoch") == null ? 0 : number(m.group("epoch"), EPOCH, slots, big);
        long[] release = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            release[i] = number(parts[i], RELEASE + i, slots, big);
        }
        PreKind preKind = null;
        long preNumber = 0;
        if (m.group("pre") != null) {
            preKind = preKind(m.group("preL"));
            preNumber = m.group("preN") == null ? 0 : number(m.group("preN"), PRE, slots, big);
        }
        long post = -1;
        if (m.group("post") != null) {
            String digits = m.group("postN1") != null ? m.group("postN1") : m.group("postN2");
            post = digits == null ? 0 : number(digits, POST, slots, big);
        }
        long dev = -1;
        if (m.group("dev") != null) {
            dev = m.group("devN") == null ? 0 : number(m.group("devN"), DEV, slots, big);
        }
        Object[] local = null;
        if (m.group("local") != null) {
            String[] localParts = LOCAL_SEPARATOR.split(m.group("local").toLowerCase(Locale.ROOT));
            local = new Object[localParts.length];
            for (int i = 0; i < localParts.length; i++) {
                local[i] = isDigits(localParts[i]) ? Numbers.parse(localParts[i]) : localParts[i];
            }
        }
        return new Version(epoch, release, preKind, preNumber, post, dev, local, big[0]);
    }


    /** packaging's fast path: only digits and dots is a bare release (or invalid, for empty parts). */
    private static boolean isSimple(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static Version parseSimple(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.') {
                count++;
            }
        }
        long[] release = new long[count];
        BigInteger[] big = null;
        int start = 0;
        for (int part = 0; part < count; part++) {
            int end = text.indexOf('.', start);
            end = end < 0 ? text.length() : end;
            if (end == start) {
                throw new InvalidVersionException(text);
            }
            Number value = Numbers.parse(text, start, end);
            if (value instanceof BigInteger exact) {
                big = big == null ? new BigInteger[RELEASE + count] : big;
                big[RELEASE + part] = exact;
            }
            release[part] = Numbers.saturated(value);
            start = end + 1;
        }
        return new Version(0, release, null, 0, -1, -1, null, big);
    }

    private static long number(String digits, int slot, int slots, BigInteger[][] big) {
        Number value = Numbers.parse(digits);
        if (value instanceof BigInteger exact) {
            if (big[0] == null) {
                big[0] = new BigInteger[slots];
            }
            big[0][slot] = exact;
        }
        return Numbers.saturated(value);
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static PreKind preKind(String label) {
        switch (label.toLowerCase(Locale.ROOT)) {
            case "a":
            case "alpha":
                return PreKind.ALPHA;
            case "b":
            case "beta":
                return PreKind.BETA;
            default: // c, rc, pre, preview
                return PreKind.RELEASE_CANDIDATE;
        }
    }

}
