package io.smlfusion.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The {@code extraParameters} of a build request (spec §8.2): text keys and text values, read with
 * typed accessors that name the key in their error. A blank value counts as absent. Immutable.
 */
public final class ModelOptions {

    private static final ModelOptions NONE = new ModelOptions(Map.of());

    private final Map<String, String> values;

    private ModelOptions(Map<String, String> values) {
        this.values = values;
    }

    /** The given parameters, in their order. */
    public static ModelOptions of(Map<String, String> parameters) {
        return new ModelOptions(Collections.unmodifiableMap(new LinkedHashMap<>(parameters)));
    }

    public static ModelOptions none() {
        return NONE;
    }

    /** The parameters as given. */
    public Map<String, String> asMap() {
        return values;
    }

    /** Whether the key holds a non-blank value. */
    public boolean has(String key) {
        return text(key) != null;
    }

    /** The stripped value, or null when absent or blank. */
    public String text(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String text(String key, String defaultValue) {
        String value = text(key);
        return value == null ? defaultValue : value;
    }

    /** {@code true} or {@code false} in any case. */
    public boolean flag(String key, boolean defaultValue) {
        String value = text(key);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value, "is not true or false");
        };
    }

    /** A finite number, when given. */
    public OptionalDouble number(String key) {
        String value = text(key);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return OptionalDouble.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, value, "is not a finite number");
    }

    /** A finite number between {@code minimum} and {@code maximum} (inclusive). */
    public double number(String key, double defaultValue, double minimum, double maximum) {
        double number = number(key).orElse(defaultValue);
        if (number < minimum || number > maximum) {
            throw invalid(key, text(key), maximum == Double.MAX_VALUE ? "is less than " + minimum
                    : "is not between " + minimum + " and " + maximum);
        }
        return number;
    }

    /** A whole number of at least {@code minimum}. */
    public int wholeNumber(String key, int defaultValue, int minimum) {
        String value = text(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, value, "is not a whole number of at least " + minimum);
    }

    /** The error for a value outside the accepted ones. */
    static ModelBuildException invalid(String key, String value, String problem) {
        return new ModelBuildException("extraParameters." + key + " = '" + value + "' " + problem);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
