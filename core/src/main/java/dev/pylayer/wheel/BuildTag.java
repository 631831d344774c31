package dev.pylayer.wheel;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional build tag of a wheel file name (PEP 427): leading digits and any rest, e.g. {@code 1},
 * {@code 2_foo}. Ordered as {@code packaging} orders its {@code (int, str)} tuple, which is how pip breaks
 * ties between wheels of one version: by the number, then the suffix. A wheel without a build tag sorts
 * before any wheel with one (see {@link #ORDER_ABSENT_FIRST}).
 */
public record BuildTag(int number, String suffix) implements Comparable<BuildTag> {
    /** PEP 427: "The build number must start with a digit." {@code re.ASCII} digits; {@code .} stops at a newline. */
    private static final Pattern PATTERN = Pattern.compile("([0-9]+)(.*)", Pattern.UNIX_LINES);

    /** Orders optional build tags as pip's candidate sort does: {@code ()} before any {@code (n, s)}. */
    public static final Comparator<Optional<BuildTag>> ORDER_ABSENT_FIRST =
            Comparator.comparing((Optional<BuildTag> tag) -> tag.isPresent())
                    .thenComparing(tag -> tag.orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));

    public BuildTag {
        if (number < 0) {
            throw new IllegalArgumentException("negative build number " + number);
        }
        Objects.requireNonNull(suffix, "suffix");
    }

    /** Parses the build part of a file name, or empty when it does not start with a digit or its number exceeds an int. */
    public static Optional<BuildTag> tryParse(String text) {
        Matcher matcher = PATTERN.matcher(text);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BuildTag(Integer.parseInt(matcher.group(1)), matcher.group(2)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(BuildTag other) {
        int byNumber = Integer.compare(number, other.number);
        return byNumber != 0 ? byNumber : compareCodePoints(suffix, other.suffix);
    }

    /** Python compares {@code str} by code point, not by UTF-16 unit as {@link String#compareTo} does. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    @Override
    public String toString() {
        return number + suffix;
    }
}
