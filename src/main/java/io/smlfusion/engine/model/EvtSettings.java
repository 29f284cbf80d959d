package io.smlfusion.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of an EVT threshold (spec §8.2 {@code evt_*}, §8.3 evtwrapper body), checked and
 * bounded: {@code evt_warmup_size} (required, {@value #MIN_WARMUP} … {@value #MAX_WARMUP}),
 * {@code evt_alpha} (required: the risk q, 0 &lt; q &lt; 1), {@code evt_quantile} (required: the
 * initial threshold's percentile of the warm-up values, 0 &lt; p &lt; 100), {@code evt_two_sides}
 * (default false), {@code evt_window_size} (default 0: SPOT; d &gt; 0: DSPOT over the mean of the
 * last d values, at most {@value #MAX_WINDOW} and leaving {@value #MIN_WARMUP} warm-up values),
 * {@code evt_max_exceedances} (default and at most {@value #MAX_EXCEEDANCES}: the excesses kept per
 * side, oldest dropped first); {@code evt_tdigest} and {@code evt_seed} are accepted and echoed but
 * change nothing (the warm-up percentile is exact and the algorithm draws no random numbers). The
 * wrapper body also names the prediction key to watch, {@code sml_evt_wrapper_res_key} (default:
 * the model's score key), and may carry {@code sml_evt_wrapper_model_id}, echoed.
 *
 * @param resKey the prediction key whose value the threshold watches
 * @param given the parameters as given, for ModelInfo
 */
public record EvtSettings(String resKey, int warmupSize, double risk, double quantile, boolean twoSided,
                          int windowSize, int maxExceedances, Map<String, String> given) {

    static final int MIN_WARMUP = 10;
    static final int MAX_WARMUP = 100_000;
    static final int MAX_WINDOW = 10_000;
    static final int MAX_EXCEEDANCES = 100_000;

    public static final String RES_KEY = "sml_evt_wrapper_res_key";
    private static final String MODEL_ID = "sml_evt_wrapper_model_id";
    private static final List<String> EVT_KEYS = List.of("evt_warmup_size", "evt_alpha", "evt_quantile",
            "evt_two_sides", "evt_window_size", "evt_max_exceedances", "evt_tdigest", "evt_seed");

    public EvtSettings {
        given = Map.copyOf(given);
    }

    /**
     * The settings of an evtwrapper body: every key must be one of the wrapper's.
     *
     * @param scoreKey the key watched when the body names none
     * @param predictKeys the keys the model's predictions hold
     * @throws ModelBuildException naming a bad, missing or unknown parameter
     */
    public static EvtSettings ofWrapper(Map<String, String> body, String scoreKey, List<String> predictKeys) {
        for (String key : body.keySet()) {
            if (!EVT_KEYS.contains(key) && !key.equals(RES_KEY) && !key.equals(MODEL_ID)
                    && !key.equals("evt_anomaly_enabled")) {
                throw new ModelBuildException("unknown EVT wrapper parameter '" + key + "'; known: " + RES_KEY
                        + ", " + MODEL_ID + ", " + String.join(", ", EVT_KEYS));
            }
        }
        return parse(body, scoreKey, predictKeys);
    }

    /**
     * The settings of a build's {@code extraParameters} when {@code evt_anomaly_enabled=true}, else
     * null: only the EVT keys are read, the others are the model's.
     */
    public static EvtSettings ofBuild(ModelOptions options, String scoreKey, List<String> predictKeys) {
        if (!options.flag("evt_anomaly_enabled", false)) {
            return null;
        }
        Map<String, String> evt = new LinkedHashMap<>();
        options.asMap().forEach((key, value) -> {
            if (EVT_KEYS.contains(key) || key.equals(RES_KEY)) {
                evt.put(key, value);
            }
        });
        return parse(evt, scoreKey, predictKeys);
    }

    private static EvtSettings parse(Map<String, String> map, String scoreKey, List<String> predictKeys) {
        ModelOptions options = ModelOptions.of(map);
        for (String required : List.of("evt_warmup_size", "evt_alpha", "evt_quantile")) {
            if (!options.has(required)) {
                throw new ModelBuildException("EVT threshold needs " + required
                        + " (required: evt_warmup_size, evt_alpha, evt_quantile)");
            }
        }
        String resKey = options.text(RES_KEY, scoreKey);
        if (!predictKeys.contains(resKey)) {
            throw ModelOptions.invalid(RES_KEY, resKey, "is not a prediction key of the model; its keys: "
                    + String.join(", ", predictKeys));
        }
        int warmup = options.wholeNumber("evt_warmup_size", 0, MIN_WARMUP);
        if (warmup > MAX_WARMUP) {
            throw ModelOptions.invalid("evt_warmup_size", options.text("evt_warmup_size"), "exceeds " + MAX_WARMUP);
        }
        double risk = options.number("evt_alpha", 0, Double.MIN_VALUE, 1);
        if (risk >= 1) {
            throw ModelOptions.invalid("evt_alpha", options.text("evt_alpha"), "is not below 1");
        }
        double quantile = options.number("evt_quantile", 0, Double.MIN_VALUE, 100);
        if (quantile >= 100) {
            throw ModelOptions.invalid("evt_quantile", options.text("evt_quantile"),
                    "is not a percentile below 100");
        }
        int window = options.wholeNumber("evt_window_size", 0, 0);
        if (window > MAX_WINDOW || window > warmup - MIN_WARMUP) {
            throw ModelOptions.invalid("evt_window_size", options.text("evt_window_size"), "exceeds "
                    + Math.min(MAX_WINDOW, warmup - MIN_WARMUP) + " (at most " + MAX_WINDOW + ", and "
                    + MIN_WARMUP + " warm-up values must remain for calibration)");
        }
        int exceedances = options.wholeNumber("evt_max_exceedances", MAX_EXCEEDANCES, 2);
        if (exceedances > MAX_EXCEEDANCES) {
            throw ModelOptions.invalid("evt_max_exceedances", options.text("evt_max_exceedances"),
                    "exceeds " + MAX_EXCEEDANCES);
        }
        options.flag("evt_tdigest", false);
        options.wholeNumber("evt_seed", 0, Integer.MIN_VALUE);
        return new EvtSettings(resKey, warmup, risk, quantile, options.flag("evt_two_sides", false), window,
                exceedances, map);
    }

    /** The settings as ModelInfo {@code info} entries: the parameters given, and the key watched. */
    Map<String, String> describe() {
        Map<String, String> entries = new LinkedHashMap<>(new TreeMap<>(given));
        entries.put(RES_KEY, resKey);
        return entries;
    }
}
