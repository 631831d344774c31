package dev.pylayer;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Deterministic fuzz inputs for parsers: random joins of a grammar's fragments, then random damage (characters
 * inserted, deleted, duplicated, swapped for odd ones such as Unicode spaces, quotes, NUL or surrogates). Every
 * build runs a few thousand of these per parser next to the Jazzer {@code @FuzzTest}s, whose coverage-guided
 * search runs by hand ({@code JAZZER_FUZZ=1}, one fuzz test per run). A failure names the seed and the input.
 */
public final class FuzzInputs {
    private static final String[] ODD = {" ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u0085", "\u001c", "\u0000",
            "\ud800", "\ud83d\ude00", "\u0130", "\u212a", "\u0661", "\\", "'", "\"", "(", ")", "[", "]", ";", ",", "@",
            "#", "=", "!", "~", "<", ">", ".", "*", "+", "-", "_", "$", "{", "}", "0", "9", "a", "Z"};

    private final Random random;
    private final List<String> fragments;

    private FuzzInputs(long seed, List<String> fragments) {
        this.random = new Random(seed);
        this.fragments = List.copyOf(fragments);
    }

    public static FuzzInputs of(long seed, List<String> fragments) {
        return new FuzzInputs(seed, fragments);
    }

    /** The next input: one to {@code maxParts} fragments, joined, then damaged with some probability. */
    public String next(int maxParts) {
        StringBuilder text = new StringBuilder();
        int parts = 1 + random.nextInt(maxParts);
        for (int i = 0; i < parts; i++) {
            text.append(fragments.get(random.nextInt(fragments.size())));
        }
        int damage = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        for (int i = 0; i < damage; i++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, ODD[random.nextInt(ODD.length)]);
                case 1 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                case 2 -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(4))));
                default -> text.insert(at, (char) random.nextInt(0x3000));
            }
        }
        return text.toString();
    }

    /** Feeds {@code count} inputs to {@code target}; rethrows its first failure with the input that caused it. */
    public void feed(int count, int maxParts, Consumer<String> target) {
        for (int i = 0; i < count; i++) {
            String input = next(maxParts);
            try {
                target.accept(input);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("input #" + i + " `" + escape(input) + "` failed: " + e, e);
            }
        }
    }

    /** The input with control and non-ASCII characters as {@code \\uXXXX}, for messages. */
    public static String escape(String input) {
        StringBuilder text = new StringBuilder();
        for (char c : input.toCharArray()) {
            text.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return text.toString();
    }
}
