package dev.pylayer.version;

import java.math.BigInteger;

/**
 * Exact non-negative integers for version parts. packaging keeps every number as a Python {@code int}, so
 * {@code 99999999999999999999} is a valid version; we keep a {@code long} for the values that fit (every real
 * version) and a {@link BigInteger} beside it only for the rest, so the common path never allocates.
 */
final class Numbers {
    /** Digits of {@code Long.MAX_VALUE} minus one: any run this short fits a long. */
    private static final int SAFE_DIGITS = 18;

    private Numbers() {
    }

    /**
     * The value of ASCII digits {@code text[start, end)}: a {@link Long} when it fits, else a
     * {@link BigInteger}. The two never describe the same value, so equality can compare classes.
     */
    static Number parse(CharSequence text, int start, int end) {
        int first = start;
        while (first < end - 1 && text.charAt(first) == '0') {
            first++;
        }
        if (end - first <= SAFE_DIGITS) {
            return Long.parseLong(text, first, end, 10);
        }
        BigInteger value = new BigInteger(text.subSequence(first, end).toString());
        return value.bitLength() < Long.SIZE ? (Number) value.longValue() : value;
    }

    static Number parse(String digits) {
        return parse(digits, 0, digits.length());
    }

    /** The value as a long, {@code Long.MAX_VALUE} for a larger one. */
    static long saturated(Number value) {
        return value instanceof Long ? value.longValue() : Long.MAX_VALUE;
    }

    /** Compares two parts, each a long plus its exact value when it did not fit (else null). */
    static int compare(long a, BigInteger bigA, long b, BigInteger bigB) {
        if (bigA == null && bigB == null) {
            return Long.compare(a, b);
        }
        return (bigA != null ? bigA : BigInteger.valueOf(a)).compareTo(bigB != null ? bigB : BigInteger.valueOf(b));
    }

    static int compare(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        return big(a).compareTo(big(b));
    }

    static boolean isZero(Number value) {
        return value instanceof Long && value.longValue() == 0;
    }

    private static BigInteger big(Number value) {
        return value instanceof BigInteger b ? b : BigInteger.valueOf(value.longValue());
    }
}
