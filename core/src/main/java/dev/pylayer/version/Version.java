package dev.pylayer.version;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 440 version. Parsing accepts every spelling PEP 440 allows ({@code v1.0}, {@code 1.0-RC1},
 * {@code 1.0.post}, {@code 1.0-1}, {@code 1.0+ubuntu-1}, surrounding whitespace) and {@link #toString()}
 * gives the normalized form. Ordering follows PEP 440 (and {@code packaging.version}): epoch, release with
 * trailing zeros ignored, dev before pre before final before post, local versions after their public one.
 * {@code equals} agrees with {@code compareTo}: {@code 1.0 == 1.0.0}.
 */
public final class Version implements Comparable<Version> {
    // packaging.version.VERSION_PATTERN, with Java group names.
    private static final Pattern PATTERN = Pattern.compile(
            "^\\s*v?"
                    + "(?:(?<epoch>[0-9]+)!)?"
                    + "(?<release>[0-9]+(?:\\.[0-9]+)*)"
                    + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
                    + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
                    + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
                    + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?"
                    + "\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** Pre-release kinds in PEP 440 order. */
    public enum PreKind {
        ALPHA("a"), BETA("b"), RELEASE_CANDIDATE("rc");

        private final String label;

        PreKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A pre-release segment such as {@code rc1}. */
    public record Pre(PreKind kind, long number) {
        @Override
        public String toString() {
            return kind.label() + number;
        }
    }

    private final long epoch;
    private final long[] release;
    private final Pre pre;
    private final long post; // -1: none
    private final long dev; // -1: none
    private final Object[] local; // Long or String parts; null: none
    private final String normalized;
    private final int hash;
    /** Release length without trailing zeros: what comparison looks at. */
    private final int significantRelease;

    private Version(long epoch, long[] release, Pre pre, long post, long dev, Object[] local) {
        this.epoch = epoch;
        this.release = release;
        this.pre = pre;
        this.post = post;
        this.dev = dev;
        this.local = local;
        int significant = release.length;
        while (significant > 0 && release[significant - 1] == 0) {
            significant--;
        }
        this.significantRelease = significant;
        this.normalized = render(true);
        this.hash = computeHash();
    }

    /** Parses a version; throws {@link InvalidVersionException}. */
    public static Version parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = PATTERN.matcher(text);
        if (!m.matches()) {
            throw new InvalidVersionException(text);
        }
        try {
            long epoch = m.group("epoch") == null ? 0 : Long.parseLong(m.group("epoch"));
            String[] parts = m.group("release").split("\\.");
            long[] release = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                release[i] = Long.parseLong(parts[i]);
            }
            Pre pre = null;
            if (m.group("pre") != null) {
                pre = new Pre(preKind(m.group("preL")), m.group("preN") == null ? 0 : Long.parseLong(m.group("preN")));
            }
            long post = -1;
            if (m.group("post") != null) {
                String number = m.group("postN1") != null ? m.group("postN1") : m.group("postN2");
                post = number == null ? 0 : Long.parseLong(number);
            }
            long dev = -1;
            if (m.group("dev") != null) {
                dev = m.group("devN") == null ? 0 : Long.parseLong(m.group("devN"));
            }
            Object[] local = null;
            if (m.group("local") != null) {
                String[] localParts = m.group("local").toLowerCase(Locale.ROOT).split("[-_.]");
                local = new Object[localParts.length];
                for (int i = 0; i < localParts.length; i++) {
                    local[i] = isDigits(localParts[i]) ? (Object) Long.parseLong(localParts[i]) : localParts[i];
                }
            }
            return new Version(epoch, release, pre, post, dev, local);
        } catch (NumberFormatException e) {
            throw new InvalidVersionException(text, "has a number too large for a version");
        }
    }

    /** Parses a version, or empty when the text is not one (indexes do list such files; pip skips them). */
    public static Optional<Version> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
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

    public long epoch() {
        return epoch;
    }

    /** The release segment, e.g. [1, 2, 0] for 1.2.0 (trailing zeros kept as written). */
    public List<Long> release() {
        List<Long> list = new ArrayList<>(release.length);
        for (long part : release) {
            list.add(part);
        }
        return List.copyOf(list);
    }

    /** Number of release parts as written. */
    public int releaseSize() {
        return release.length;
    }

    /** The release part at {@code index}, or 0 past the end (PEP 440 zero padding). */
    public long releasePart(int index) {
        return index < release.length ? release[index] : 0;
    }

    public Optional<Pre> pre() {
        return Optional.ofNullable(pre);
    }

    public OptionalLong post() {
        return post < 0 ? OptionalLong.empty() : OptionalLong.of(post);
    }

    public OptionalLong dev() {
        return dev < 0 ? OptionalLong.empty() : OptionalLong.of(dev);
    }

    /** The local label normalized ({@code ubuntu.1}), if any. */
    public Optional<String> local() {
        return local == null ? Optional.empty() : Optional.of(joinLocal());
    }

    /** A pre-release or a development release (PEP 440's definition used for the pre-release policy). */
    public boolean isPrerelease() {
        return pre != null || dev >= 0;
    }

    public boolean isPostrelease() {
        return post >= 0;
    }

    public boolean isDevrelease() {
        return dev >= 0;
    }

    public boolean isLocal() {
        return local != null;
    }

    /** This version without its local label. */
    public Version publicVersion() {
        return local == null ? this : new Version(epoch, release, pre, post, dev, null);
    }

    /** Epoch and release only: {@code 1!2.0rc1.post3} → {@code 1!2.0}. */
    public Version baseVersion() {
        return pre == null && post < 0 && dev < 0 && local == null ? this
                : new Version(epoch, release, null, -1, -1, null);
    }

    private String joinLocal() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < local.length; i++) {
            if (i > 0) {
                text.append('.');
            }
            text.append(local[i]);
        }
        return text.toString();
    }

    private String render(boolean withLocal) {
        StringBuilder text = new StringBuilder();
        if (epoch != 0) {
            text.append(epoch).append('!');
        }
        for (int i = 0; i < release.length; i++) {
            if (i > 0) {
                text.append('.');
            }
            text.append(release[i]);
        }
        if (pre != null) {
            text.append(pre);
        }
        if (post >= 0) {
            text.append(".post").append(post);
        }
        if (dev >= 0) {
            text.append(".dev").append(dev);
        }
        if (withLocal && local != null) {
            text.append('+').append(joinLocal());
        }
        return text.toString();
    }

    /** The normalized form: {@code 1.0-RC1} → {@code 1.0rc1}. */
    @Override
    public String toString() {
        return normalized;
    }

    @Override
    public int compareTo(Version other) {
        if (this == other) {
            return 0;
        }
        int c = Long.compare(epoch, other.epoch);
        if (c != 0) {
            return c;
        }
        int length = Math.max(significantRelease, other.significantRelease);
        for (int i = 0; i < length; i++) {
            c = Long.compare(releasePart(i), other.releasePart(i));
            if (c != 0) {
                return c;
            }
        }
        c = Integer.compare(preRank(), other.preRank());
        if (c != 0) {
            return c;
        }
        if (pre != null && other.pre != null) {
            c = Long.compare(pre.number(), other.pre.number());
            if (c != 0) {
                return c;
            }
        }
        // No post-release sorts before any post-release.
        c = Long.compare(post, other.post);
        if (c != 0) {
            return c;
        }
        // No dev-release sorts after any dev-release.
        c = Long.compare(dev < 0 ? Long.MAX_VALUE : dev, other.dev < 0 ? Long.MAX_VALUE : other.dev);
        if (c != 0) {
            return c;
        }
        return compareLocal(local, other.local);
    }

    /**
     * packaging's _cmpkey for the pre-release slot: a dev release of a final (no pre, no post) sorts before
     * every pre-release; no pre-release sorts after all of them.
     */
    private int preRank() {
        if (pre == null && post < 0 && dev >= 0) {
            return -1;
        }
        if (pre == null) {
            return 3;
        }
        return pre.kind().ordinal();
    }

    /** No local sorts first; numeric parts sort after alphanumeric ones; shorter prefix sorts first. */
    private static int compareLocal(Object[] a, Object[] b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        int length = Math.min(a.length, b.length);
        for (int i = 0; i < length; i++) {
            Object x = a[i];
            Object y = b[i];
            int c;
            if (x instanceof Long xl && y instanceof Long yl) {
                c = Long.compare(xl, yl);
            } else if (x instanceof Long) {
                c = 1;
            } else if (y instanceof Long) {
                c = -1;
            } else {
                c = ((String) x).compareTo((String) y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private int computeHash() {
        int h = Long.hashCode(epoch);
        for (int i = 0; i < significantRelease; i++) {
            h = 31 * h + Long.hashCode(release[i]);
        }
        h = 31 * h + preRank();
        h = 31 * h + (pre == null ? 0 : Long.hashCode(pre.number()));
        h = 31 * h + Long.hashCode(post);
        h = 31 * h + Long.hashCode(dev);
        h = 31 * h + (local == null ? 0 : Arrays.hashCode(local));
        return h;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Version that && hash == that.hash && compareTo(that) == 0;
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
