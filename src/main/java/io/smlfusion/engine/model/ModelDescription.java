package io.smlfusion.engine.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model-specific parts of a ModelInfo (spec §4.8): the {@code info} map, the {@code extra}
 * tables, the keys every prediction holds ({@code predictInfo}) and the key that is the score
 * ({@code scoreInfo}). Numbers are written with full double precision ({@link Double#toString});
 * vectors as R-like {@code c(1.5, -2.0)} text. Immutable; maps keep insertion order.
 */
public record ModelDescription(Map<String, String> info, Map<String, ModelTable> extra,
                               List<String> predictInfo, List<String> scoreInfo) {

    public ModelDescription {
        info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        predictInfo = List.copyOf(predictInfo);
        scoreInfo = List.copyOf(scoreInfo);
    }

    /** An R-like vector, {@code c(v1, v2, …)}. */
    static String vector(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString)
                .collect(Collectors.joining(", ", "c(", ")"));
    }

    /** Collects a description in order. */
    static final class Builder {
        private final Map<String, String> info = new LinkedHashMap<>();
        private final Map<String, ModelTable> extra = new LinkedHashMap<>();
        private List<String> predictInfo = List.of();
        private List<String> scoreInfo = List.of();

        Builder info(String key, String value) {
            info.put(key, value);
            return this;
        }

        Builder info(String key, double value) {
            return info(key, Double.toString(value));
        }

        Builder info(String key, long value) {
            return info(key, Long.toString(value));
        }

        Builder info(String key, boolean value) {
            return info(key, Boolean.toString(value));
        }

        Builder info(String key, double[] values) {
            return info(key, vector(values));
        }

        Builder table(String name, ModelTable table) {
            extra.put(name, table);
            return this;
        }

        /** Adds another description's info entries and tables after the ones collected. */
        Builder append(ModelDescription other) {
            info.putAll(other.info());
            extra.putAll(other.extra());
            return this;
        }

        Builder predicts(List<String> keys, List<String> scores) {
            predictInfo = keys;
            scoreInfo = scores;
            return this;
        }

        ModelDescription build() {
            return new ModelDescription(info, extra, predictInfo, scoreInfo);
        }
    }
}
