package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** SPOT and DSPOT on seeded streams: warm-up, calibration, flags, bounds and the stored state. */
class EvtThresholdTest {

    private static final List<String> KEYS = List.of("res", "score");

    @Test
    void nothingIsAddedDuringTheWarmUpThenEveryValueIsJudged() {
        EvtThreshold evt = threshold(Map.of());
        Random random = new Random(7);
        for (int k = 0; k < 1000; k++) {
            assertEquals(Map.of(), evt.observe(random.nextGaussian()), "warm-up value " + k);
        }
        Map<String, String> normal = evt.observe(0.1);
        assertEquals("false", normal.get("evt_is_anomaly"));
        double z = Double.parseDouble(normal.get("evt_threshold"));
        // the 1e-3 upper quantile of a standard normal is 3.09; the GPD tail fit lands near it
        assertEquals(3.09, z, 0.4);
        assertEquals("true", evt.observe(z + 0.5).get("evt_is_anomaly"));
        assertEquals(z, Double.parseDouble(evt.observe(0).get("evt_threshold")), 1e-12,
                "neither an anomaly nor a value under t changes the threshold");
    }

    @Test
    void aLongWarmUpCalibratesToTheTrueQuantile() {
        // exponential(1): P(X > z) = e^(−z) = q at z = −ln q = 6.2146 for q = 0.002
        Map<String, String> body = Map.of("evt_warmup_size", "100000", "evt_alpha", "0.002", "evt_quantile", "98");
        EvtThreshold evt = new EvtThreshold(EvtSettings.ofWrapper(body, "score", KEYS));
        Random random = new Random(11);
        for (int k = 0; k < 100_000; k++) {
            evt.observe(-Math.log(1 - random.nextDouble()));
        }
        double z = Double.parseDouble(evt.observe(1).get("evt_threshold"));
        assertEquals(-Math.log(0.002), z, 0.25);
    }

    @Test
    void twoSidesWatchBothTails() {
        EvtThreshold evt = threshold(Map.of("evt_two_sides", "true"));
        Random random = new Random(3);
        for (int k = 0; k < 1000; k++) {
            evt.observe(random.nextGaussian());
        }
        Map<String, String> outputs = evt.observe(-8);
        assertEquals("true", outputs.get("evt_is_anomaly"));
        double low = Double.parseDouble(outputs.get("evt_threshold_lower"));
        double high = Double.parseDouble(outputs.get("evt_threshold_upper"));
        assertTrue(low < -2 && high > 2, outputs::toString);
    }

    @Test
    void aWindowFollowsADriftingLevel() {
        EvtThreshold drifting = threshold(Map.of("evt_window_size", "50"));
        EvtThreshold fixed = threshold(Map.of());
        Random random = new Random(5);
        int driftAlarms = 0;
        int fixedAlarms = 0;
        for (int k = 0; k < 3000; k++) {
            double value = k * 0.01 + random.nextGaussian();
            driftAlarms += "true".equals(drifting.observe(value).get("evt_is_anomaly")) ? 1 : 0;
            fixedAlarms += "true".equals(fixed.observe(value).get("evt_is_anomaly")) ? 1 : 0;
        }
        assertTrue(driftAlarms < 20, "DSPOT alarms " + driftAlarms);
        assertTrue(fixedAlarms > 1000, "SPOT alarms on a rising level " + fixedAlarms);
    }

    @Test
    void theStateRoundTripsMidWarmUpAndAfterCalibration() throws ModelFormatException {
        for (int before : new int[] {400, 1500}) {
            EvtThreshold evt = threshold(Map.of("evt_two_sides", "true", "evt_window_size", "20",
                    "evt_max_exceedances", "30"));
            Random random = new Random(before);
            for (int k = 0; k < before; k++) {
                evt.observe(random.nextGaussian());
            }
            EvtThreshold copy = roundTrip(evt);
            assertEquals(evt.describe(), copy.describe());
            List<Map<String, String>> original = new ArrayList<>();
            List<Map<String, String>> restored = new ArrayList<>();
            for (int k = 0; k < 1000; k++) {
                double value = random.nextGaussian() * (k % 97 == 0 ? 6 : 1);
                original.add(evt.observe(value));
                restored.add(copy.observe(value));
            }
            assertEquals(original, restored, "after " + before + " values");
        }
    }

    @Test
    void parametersAreCheckedAndBounded() {
        assertEquals("EVT threshold needs evt_quantile (required: evt_warmup_size, evt_alpha, evt_quantile)",
                refusal(Map.of("evt_warmup_size", "100", "evt_alpha", "0.01")));
        assertEquals("extraParameters.evt_warmup_size = '100001' exceeds 100000",
                refusal(Map.of("evt_warmup_size", "100001", "evt_alpha", "0.01", "evt_quantile", "98")));
        assertEquals("extraParameters.evt_quantile = '100' is not a percentile below 100",
                refusal(Map.of("evt_warmup_size", "100", "evt_alpha", "0.01", "evt_quantile", "100")));
        assertEquals("extraParameters.sml_evt_wrapper_res_key = 'other' is not a prediction key of the model; "
                + "its keys: res, score", refusal(Map.of("evt_warmup_size", "100", "evt_alpha", "0.01",
                "evt_quantile", "98", "sml_evt_wrapper_res_key", "other")));
        assertTrue(refusal(Map.of("evt_warmup_size", "100", "evt_alpha", "0.01", "evt_quantile", "98",
                "evt_colour", "red")).startsWith("unknown EVT wrapper parameter 'evt_colour'"));
    }

    private static String refusal(Map<String, String> body) {
        return assertThrows(ModelBuildException.class, () -> EvtSettings.ofWrapper(body, "score", KEYS))
                .getMessage();
    }

    private static EvtThreshold threshold(Map<String, String> extra) {
        Map<String, String> body = new LinkedHashMap<>(Map.of("evt_warmup_size", "1000", "evt_alpha", "0.001",
                "evt_quantile", "98"));
        body.putAll(extra);
        return new EvtThreshold(EvtSettings.ofWrapper(body, "score", KEYS));
    }

    private static EvtThreshold roundTrip(EvtThreshold evt) throws ModelFormatException {
        ModelWriter out = new ModelWriter();
        evt.write(out);
        ModelReader in = new ModelReader(out.toByteArray());
        EvtThreshold read = EvtThreshold.read(in, KEYS);
        in.requireEnd();
        return read;
    }
}
