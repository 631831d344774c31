package dev.pylayer.elf;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A symbol version a file needs from a library, e.g. {@code GLIBC_2.28} from {@code libc.so.6} or
 * {@code GLIBCXX_3.4.29} from {@code libstdc++.so.6}: a family ({@code GLIBC}) and a dotted number. Names with no
 * number ({@code GLIBC_PRIVATE}) have empty {@link #numbers()} and never count as the highest.
 *
 * @param name the version name as written in {@code .dynstr}
 * @param weak {@code VER_FLG_WEAK}: glibc's loader only warns when a weak version is missing (dl-version.c)
 */
public record SymbolVersion(String name, boolean weak) implements Comparable<SymbolVersion> {
    /** Orders by family, then numerically ({@code 2.9 < 2.17 < 2.28}), unnumbered first. */
    private static final Comparator<SymbolVersion> ORDER = Comparator.comparing(SymbolVersion::family)
            .thenComparing(SymbolVersion::numbers, Arrays::compare);

    public SymbolVersion {
        Objects.requireNonNull(name, "name");
    }

    /** {@code GLIBC} for {@code GLIBC_2.28}; the whole name when there is no {@code _} followed by a number. */
    public String family() {
        int split = numberStart();
        return split < 0 ? name : name.substring(0, split - 1);
    }

    /** {@code [2, 28]} for {@code GLIBC_2.28}; empty for {@code GLIBC_PRIVATE}. */
    public int[] numbers() {
        int split = numberStart();
        if (split < 0) {
            return new int[0];
        }
        String[] parts = name.substring(split).split("\\.", -1);
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }

    /** {@code 2.28} for {@code GLIBC_2.28}, when numbered. */
    public Optional<String> number() {
        int split = numberStart();
        return split < 0 ? Optional.empty() : Optional.of(name.substring(split));
    }

    public boolean isNumbered() {
        return numberStart() >= 0;
    }

    /** The index after the last {@code _} when all that follows is digits and dots (at most 6 parts of 6 digits). */
    private int numberStart() {
        int underscore = name.lastIndexOf('_');
        if (underscore < 1 || underscore == name.length() - 1) {
            return -1;
        }
        return isNumber(name, underscore + 1) ? underscore + 1 : -1;
    }

    /**
     * Whether {@code text} from {@code start} is 1 to 6 parts of 1 to 6 ASCII digits joined by dots (the regex
     * {@code \d{1,6}(\.\d{1,6}){0,5}}, written out: an ELF file names dozens of versions).
     */
    static boolean isNumber(String text, int start) {
        int dots = 0;
        int digits = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 6) {
                    return false;
                }
            } else if (c == '.' && digits > 0 && dots < 5) {
                dots++;
                digits = 0;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    @Override
    public int compareTo(SymbolVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return name;
    }
}
