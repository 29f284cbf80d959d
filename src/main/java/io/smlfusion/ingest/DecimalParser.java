package io.smlfusion.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Parses the decimal text of a DataFrame cell straight from the request bytes, without making a
 * {@code String}: the ingestion hot path. Correctly rounded, like {@link Double#parseDouble}.
 *
 * <p>Fast path (Clinger, "How to read floating point numbers accurately", PLDI 1990): when the
 * significand has at most 15 decimal digits... precisely, when it is an integer m ≤ 2<sup>53</sup>
 * and the decimal exponent e satisfies |e| ≤ 22, both m and 10<sup>|e|</sup> are exact doubles, so
 * the single IEEE multiplication or division m·10<sup>e</sup> is correctly rounded. Every other
 * text (more digits, large exponents, white space, {@code NaN}, hexadecimal, ...) goes to
 * {@link Double#parseDouble}, which defines the result.
 */
final class DecimalParser {

    private static final long MAX_EXACT_SIGNIFICAND = 1L << 53;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    private DecimalParser() {
    }

    /**
     * @return the value of the ASCII text in {@code bytes[start, end)}
     * @throws NumberFormatException when the text is not a number
     */
    static double parse(byte[] bytes, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long significand = 0;
        int digits = 0;
        int exponent = 0;
        int integerStart = i;
        while (i < end && isDigit(bytes[i])) {
            significand = accumulate(significand, bytes[i++]);
            digits++;
        }
        boolean anyDigit = i > integerStart;
        if (i < end && bytes[i] == '.') {
            i++;
            int fractionStart = i;
            while (i < end && isDigit(bytes[i])) {
                significand = accumulate(significand, bytes[i++]);
                digits++;
                exponent--;
            }
            anyDigit |= i > fractionStart;
        }
        if (anyDigit && i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
                negativeExponent = bytes[i] == '-';
                i++;
            }
            int exponentStart = i;
            int written = 0;
            while (i < end && isDigit(bytes[i]) && written < 6) {
                written = written * 10 + (bytes[i++] - '0');
            }
            if (i == exponentStart) {
                return slowPath(bytes, start, end);
            }
            exponent += negativeExponent ? -written : written;
        }
        if (!anyDigit || i != end || digits > 18 || significand > MAX_EXACT_SIGNIFICAND
                || exponent < -22 || exponent > 22) {
            return slowPath(bytes, start, end);
        }
        double value = exponent < 0 ? significand / POWERS_OF_TEN[-exponent] : significand * POWERS_OF_TEN[exponent];
        return negative ? -value : value;
    }

    private static long accumulate(long significand, byte digit) {
        return significand * 10 + (digit - '0');
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static double slowPath(byte[] bytes, int start, int end) {
        return Double.parseDouble(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
    }
}
