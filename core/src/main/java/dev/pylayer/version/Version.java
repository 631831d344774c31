package dev.pylayer.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A PEP 440 version. Parsing accepts every spelling PEP 440 allows ({@code v1.0}, {@code 1.0-RC1},
 * {@code 1.0.post}, {@code 1.0-1}, {@code 1.0+ubuntu-1}, surrounding whitespace) and {@link #toString()}
 * gives the normalized form. Ordering follows PEP 440 (and {@code packaging.version}): epoch, release with
 * trailing zeros ignored, dev before pre before final before post, local versions after their public one.
 * {@code equals} agrees with {@code compareTo}: {@code 1.0 == 1.0.0}.
 *
 * <p>Numbers are exact at any size, as Python's are ({@code 99999999999999999999} is a version); the
 * {@code long} accessors saturate at {@code Long.MAX_VALUE} for larger parts, while ordering, equality and
 * {@link #toString()} stay exact.
 */
public final class Version implements Comparable<Version> {
    // Slots of the exact values kept for parts too large for a long.
    static final int EPOCH = 0;
    static final int PRE = 1;
    static final int POST = 2;
    static final int DEV = 3;
    static final int RELEASE = 4;

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

    /** A pre-release segment such as {@code rc1}; {@code number} saturates like the other accessors. */
    public record Pre(PreKind kind, long number) {
        @Override
        public String toString() {
            return kind.label() + number;
        }
    }

    private final long epoch;
    private final long[] release;
    private final PreKind preKind; // null: none
    private final long preNumber;
    private final long post; // -1: none
    private final long dev; // -1: none
    private final Object[] local; // String, Long or BigInteger parts; null: none
    /** Exact values of the parts that overflowed a long, by slot; null when none did (nearly always). */
    private final BigInteger[] big;
    /** Release length without trailing zeros: what comparison looks at. */
    private final int significantRelease;
    private final String normalized;
    private final int hash;

    Version(long epoch, long[] release, PreKind preKind, long preNumber, long post, long dev,
            Object[] local, BigInteger[] big) {
        this.epoch = epoch;
        this.release = release;
        this.preKind = preKind;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
        this.big = big;
        int significant = release.length;
        while (significant > 0 && release[significant - 1] == 0) {
            significant--;
        }
        this.significantRelease = significant;
        this.normalized = render();
        this.hash = computeHash();
    }

    /** Parses a version; throws {@link InvalidVersionException}. */
    public static Version parse(String text) {
        return VersionParser.parse(text);
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

    /** The epoch ({@code Long.MAX_VALUE} if larger). */
    public long epoch() {
        return epoch;
    }

    /** The release segment, e.g. [1, 2, 0] for 1.2.0 (trailing zeros kept as written; parts saturate). */
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

    /** The release part at {@code index}, or 0 past the end (PEP 440 zero padding); saturates. */
    public long releasePart(int index) {
        return index < release.length ? release[index] : 0;
    }

    public Optional<Pre> pre() {
        return preKind == null ? Optional.empty() : Optional.of(new Pre(preKind, preNumber));
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
        return preKind != null || dev >= 0;
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
        return local == null ? this : new Version(epoch, release, preKind, preNumber, post, dev, null, big);
    }

    /** Epoch and release only: {@code 1!2.0rc1.post3} → {@code 1!2.0}. */
    public Version baseVersion() {
        if (preKind == null && post < 0 && dev < 0 && local == null) {
            return this;
        }
        return new Version(epoch, release, null, 0, -1, -1, null, without(PRE, POST, DEV));
    }

    /** packaging's {@code _post_base}: without post, dev and local ({@code 1.0a1.post2.dev3} → {@code 1.0a1}). */
    Version postBase() {
        return new Version(epoch, release, preKind, preNumber, -1, -1, null, without(POST, DEV));
    }

    /** packaging's {@code _earliest_prerelease}: {@code .dev0} in place of any dev part, no local. */
    Version earliestPrerelease() {
        return new Version(epoch, release, preKind, preNumber, post, 0, null, without(DEV));
    }

    private BigInteger[] without(int... slots) {
        if (big == null) {
            return null;
        }
        BigInteger[] copy = big.clone();
        for (int slot : slots) {
            copy[slot] = null;
        }
        for (BigInteger value : copy) {
            if (value != null) {
                return copy;
            }
        }
        return null;
    }

    private BigInteger exact(int slot) {
        return big == null || slot >= big.length ? null : big[slot];
    }

    private String number(long value, int slot) {
        BigInteger exact = exact(slot);
        return exact != null ? exact.toString() : Long.toString(value);
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

    private String render() {
        StringBuilder text = new StringBuilder();
        if (epoch != 0) {
            text.append(number(epoch, EPOCH)).append('!');
        }
        for (int i = 0; i < release.length; i++) {
            if (i > 0) {
                text.append('.');
            }
            text.append(number(release[i], RELEASE + i));
        }
        if (preKind != null) {
            text.append(preKind.label()).append(number(preNumber, PRE));
        }
        if (post >= 0) {
            text.append(".post").append(number(post, POST));
        }
        if (dev >= 0) {
            text.append(".dev").append(number(dev, DEV));
        }
        if (local != null) {
            text.append('+').append(joinLocal());
        }
        return text.toString();
    }

    /** The normalized form: {@code 1.0-RC1} → {@code 1.0rc1}. */
    @Override
    public String toString() {
        return normalized;
    }

    /** The normalized form with trailing release zeros dropped (packaging's {@code canonicalize_version}). */
    String canonical() {
        if (significantRelease == release.length || release.length == 1) {
            return normalized;
        }
        long[] trimmed = Arrays.copyOf(release, Math.max(1, significantRelease));
        return new Version(epoch, trimmed, preKind, preNumber, post, dev, local, big).normalized;
    }

    @Override
    public int compareTo(Version other) {
        if (this == other) {
            return 0;
        }
        int c = Numbers.compare(epoch, exact(EPOCH), other.epoch, other.exact(EPOCH));
        int length = Math.max(significantRelease, other.significantRelease);
        for (int i = 0; c == 0 && i < length; i++) {
            c = comparePart(i, other);
        }
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preRank(), other.preRank());
        if (c == 0 && preKind != null) {
            c = Numbers.compare(preNumber, exact(PRE), other.preNumber, other.exact(PRE));
        }
        if (c != 0) {
            return c;
        }
        // No post-release sorts before any post-release.
        c = Boolean.compare(post >= 0, other.post >= 0);
        if (c == 0 && post >= 0) {
            c = Numbers.compare(post, exact(POST), other.post, other.exact(POST));
        }
        if (c != 0) {
            return c;
        }
        // No dev-release sorts after any dev-release.
        c = Boolean.compare(dev < 0, other.dev < 0);
        if (c == 0 && dev >= 0) {
            c = Numbers.compare(dev, exact(DEV), other.dev, other.exact(DEV));
        }
        return c != 0 ? c : compareLocal(local, other.local);
    }

    private int comparePart(int index, Version other) {
        return Numbers.compare(releasePart(index), exact(RELEASE + index),
                other.releasePart(index), other.exact(RELEASE + index));
    }

    /**
     * packaging's _cmpkey for the pre-release slot: a dev release of a final (no pre, no post) sorts before
     * every pre-release; no pre-release sorts after all of them.
     */
    private int preRank() {
        if (preKind == null && post < 0 && dev >= 0) {
            return -1;
        }
        return preKind == null ? 3 : preKind.ordinal();
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
            if (x instanceof Number xn && y instanceof Number yn) {
                c = Numbers.compare(xn, yn);
            } else if (x instanceof Number) {
                c = 1;
            } else if (y instanceof Number) {
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
        int h = partHash(epoch, EPOCH);
        for (int i = 0; i < significantRelease; i++) {
            h = 31 * h + partHash(release[i], RELEASE + i);
        }
        h = 31 * h + preRank();
        h = 31 * h + partHash(preNumber, PRE);
        h = 31 * h + partHash(post, POST);
        h = 31 * h + partHash(dev, DEV);
        h = 31 * h + (local == null ? 0 : Arrays.hashCode(local));
        return h;
    }

    private int partHash(long value, int slot) {
        BigInteger exact = exact(slot);
        return exact != null ? exact.hashCode() : Long.hashCode(value);
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
