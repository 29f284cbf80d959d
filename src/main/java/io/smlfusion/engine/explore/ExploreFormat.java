package io.smlfusion.engine.explore;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How exploration numbers are written (spec §7.5): formatted with a {@link String#format} pattern
 * in {@link Locale#ROOT} — the product's {@code rtlm.option.sml.explore.double.format}, default
 * {@value #DEFAULT_PATTERN} — and read back as a double, so they stay JSON numbers
 * ({@code 0.5134577} becomes {@code 0.5135}); or {@link #RAW}, every bit kept. JSON has no NaN or
 * infinity: {@link #ksvd} answers such values as null and names them.
 */
public final class ExploreFormat {

    public static final String DEFAULT_PATTERN = "%.4f";

    /** Numbers as computed. */
    public static final ExploreFormat RAW = new ExploreFormat(null);

    /** null for {@link #RAW}. */
    private final String pattern;

    private ExploreFormat(String pattern) {
        this.pattern = pattern;
    }

    /**
     * @throws IllegalArgumentException when {@code pattern} does not format one double into text
     *     that reads back as a number
     */
    public static ExploreFormat pattern(String pattern) {
        ExploreFormat format = new ExploreFormat(pattern);
        try {
            format.apply(-1234567.891);
        } catch (IllegalFormatException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + pattern + "' is not a format that writes a double as a number: "
                    + e.getMessage(), e);
        }
        return format;
    }

    /** A finite value as it is answered; non-finite values pass unchanged. */
    public double apply(double value) {
        if (pattern == null || !Double.isFinite(value)) {
            return value;
        }
        return Double.parseDouble(String.format(Locale.ROOT, pattern, value));
    }

    /** A value as text: the formatted number, or {@code NaN}/{@code Infinity}. */
    public String text(double value) {
        return Double.toString(apply(value));
    }

    /** {@link #apply} on each value. */
    public double[] apply(double[] values) {
        double[] formatted = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            formatted[k] = apply(values[k]);
        }
        return formatted;
    }

    /**
     * The KSVDMap entries as answered: every value formatted, a non-finite one replaced by null
     * and its key reported.
     */
    public KsvdValues ksvd(List<Map<String, Double>> results) {
        List<Map<String, Double>> values = new ArrayList<>(results.size());
        List<String> nonFinite = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            Map<String, Double> answered = new LinkedHashMap<>();
            for (Map.Entry<String, Double> entry : results.get(k).entrySet()) {
                double value = entry.getValue();
                if (Double.isFinite(value)) {
                    answered.put(entry.getKey(), apply(value));
                } else {
                    answered.put(entry.getKey(), null);
                    nonFinite.add("values[" + k + "]." + entry.getKey() + " (" + value + ")");
                }
            }
            values.add(answered);
        }
        return new KsvdValues(values, nonFinite);
    }

    /**
     * KSVDMap entries ready for JSON.
     *
     * @param values one map per MLContext; null where the statistic is not a finite number
     * @param nonFinite {@code values[i].key (NaN)} for each null
     */
    public record KsvdValues(List<Map<String, Double>> values, List<String> nonFinite) {

        /** What the status string adds when some values are null. */
        public Optional<String> warning() {
            return nonFinite.isEmpty() ? Optional.empty()
                    : Optional.of("not a finite number, answered as null: " + String.join(", ", nonFinite));
        }
    }
}
