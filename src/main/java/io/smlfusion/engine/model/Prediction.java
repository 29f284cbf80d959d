package io.smlfusion.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The outputs of one prediction (spec §9), in key order: numbers, whole-number class labels,
 * flags and class names. The REST
 * layer sends {@link #asText()}, where numbers carry full double precision. Immutable.
 */
public final class Prediction {

    private final Map<String, Object> values;

    private Prediction(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    /**
     * A numeric output.
     *
     * @throws IllegalArgumentException when the key is absent or not numeric
     */
    public double number(String key) {
        if (values.get(key) instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException("prediction has no number '" + key + "'; keys: " + keys());
    }

    /** An output as text, or null when absent. */
    public String text(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    /** Every output as text, in key order. */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((key, value) -> text.put(key, value.toString()));
        return text;
    }

    @Override
    public String toString() {
        return asText().toString();
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        Builder put(String key, double value) {
            values.put(key, value);
            return this;
        }

        /** A whole number such as a class label, written without a decimal point. */
        Builder put(String key, long value) {
            values.put(key, value);
            return this;
        }

        Builder put(String key, boolean value) {
            values.put(key, value);
            return this;
        }

        Builder put(String key, String value) {
            values.put(key, value);
            return this;
        }

        Prediction build() {
            return new Prediction(values);
        }
    }
}
