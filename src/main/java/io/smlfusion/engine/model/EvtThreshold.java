package io.smlfusion.engine.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An extreme-value threshold on a stream of prediction values: SPOT, and with a window DSPOT, of
 * A. Siffer, P.-A. Fouque, A. Termier, C. Largouët, "Anomaly detection in streams with extreme value
 * theory", KDD 2017 (Algorithms 1–4). It is what the evtwrapper (spec §8.3) and
 * {@code evt_anomaly_enabled} add to a model; it is state of its own, grown from the predictions
 * the model makes, not from the project's statistics.
 *
 * <p>The first {@code evt_warmup_size} values calibrate it: t is their {@code evt_quantile}
 * percentile, their excesses over t are fitted with a {@link GeneralizedPareto} and the threshold
 * is z = the value exceeded with risk q = {@code evt_alpha}. Then each value x is an anomaly when
 * x &gt; z (and is not learned); otherwise x &gt; t adds an excess and refits z. With
 * {@code evt_two_sides} a mirrored threshold watches −x for low values; with
 * {@code evt_window_size} d &gt; 0 the thresholds watch x − M, M the mean of the last d normal
 * values (the first d warm-up values only fill the window). At most {@code evt_max_exceedances}
 * excesses are kept per side, the oldest dropped first (with their share of n), so memory is
 * bounded. As in SPOT, anomalies are not learned: the tail beyond z is censored, which pulls z
 * down when q is not well below the excess rate (100 − {@code evt_quantile})/100 — with
 * exponential data, q = 0.002 and t at the 98th percentile, 0.6 % of values are flagged instead of
 * 0.2 %; keep q an order of magnitude below the excess rate.
 *
 * <p>Outputs, from the first value after the warm-up: {@code evt_is_anomaly}, and
 * {@code evt_threshold} (the threshold on the watched value, drift included) or, two-sided,
 * {@code evt_threshold_upper} and {@code evt_threshold_lower}. During the warm-up there are none.
 *
 * <p>Thread-safe: values are observed one at a time. Its model-format section, after the settings
 * (text pairs) and the watched key (text), is: float64 values seen, float64[] warm-up values,
 * float64[] window (oldest first), float64 the window's running sum, then per side a flag and, when present, float64 t, n, Σy, Σy², z and float64[] excesses (oldest
 * first).
 */
public final class EvtThreshold {

    private final EvtSettings settings;
    private long seen;
    /** The warm-up values until calibration, then null. */
    private double[] warmup;
    private final Ring window;
    private Side upper;
    private Side lower;

    public EvtThreshold(EvtSettings settings) {
        this.settings = settings;
        this.warmup = new double[settings.warmupSize()];
        this.window = new Ring(settings.windowSize());
    }

    public EvtSettings settings() {
        return settings;
    }

    /**
     * Observes the next watched value and answers the outputs to add to its prediction (none during
     * the warm-up).
     */
    public synchronized Map<String, String> observe(double value) {
        Map<String, String> outputs = new LinkedHashMap<>();
        if (warmup != null) {
            warmup[(int) seen++] = value;
            if (seen == warmup.length) {
                calibrate();
            }
            return outputs;
        }
        seen++;
        double drift = window.capacity() == 0 ? 0 : window.mean();
        double x = value - drift;
        boolean high = upper.isAnomaly(x);
        boolean low = lower != null && lower.isAnomaly(-x);
        if (!high && !low) {
            upper.learn(x, settings);
            if (lower != null) {
                lower.learn(-x, settings);
            }
            window.add(value);
        }
        outputs.put("evt_is_anomaly", Boolean.toString(high || low));
        if (lower == null) {
            outputs.put("evt_threshold", Double.toString(upper.z + drift));
        } else {
            outputs.put("evt_threshold_upper", Double.toString(upper.z + drift));
            outputs.put("evt_threshold_lower", Double.toString(-lower.z + drift));
        }
        return outputs;
    }

    /** The prediction keys it adds after the warm-up. */
    public List<String> outputKeys() {
        return settings.twoSided() ? List.of("evt_is_anomaly", "evt_threshold_upper", "evt_threshold_lower")
                : List.of("evt_is_anomaly", "evt_threshold");
    }

    /** ModelInfo entries: the settings, whether calibrated, and the values seen. */
    public synchronized Map<String, String> describe() {
        Map<String, String> entries = settings.describe();
        entries.put("evt_calibrated", Boolean.toString(warmup == null));
        entries.put("evt_values_seen", Long.toString(seen));
        return entries;
    }

    private void calibrate() {
        double[] values = warmup;
        int d = window.capacity();
        double[] detrended = new double[values.length - d];
        for (int i = 0; i < values.length; i++) {
            if (i >= d) {
                detrended[i - d] = values[i] - (d == 0 ? 0 : window.mean());
            }
            window.add(values[i]);
        }
        upper = Side.calibrated(detrended, settings);
        if (settings.twoSided()) {
            double[] mirrored = Arrays.stream(detrended).map(v -> -v).toArray();
            lower = Side.calibrated(mirrored, settings);
        }
        warmup = null;
    }

    /** One tail: SPOT on the values given (the upper tail of x, or of −x). */
    private static final class Side {
        private final double t;
        private long n;
        private double sum;
        private double sumOfSquares;
        private double z;
        private final Ring excesses;

        private Side(double t, long n, double sum, double sumOfSquares, double z, Ring excesses) {
            this.t = t;
            this.n = n;
            this.sum = sum;
            this.sumOfSquares = sumOfSquares;
            this.z = z;
            this.excesses = excesses;
        }

        static Side calibrated(double[] values, EvtSettings settings) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            // the empirical percentile: the value of rank ⌈p n / 100⌉ (1-based)
            int rank = (int) Math.ceil(settings.quantile() / 100 * sorted.length);
            double t = sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
            Side side = new Side(t, 0, 0, 0, t, new Ring(settings.maxExceedances()));
            for (double value : values) {
                side.n++;
                if (value > t) {
                    side.addExcess(value - t);
                }
            }
            side.refit(settings);
            return side;
        }

        boolean isAnomaly(double x) {
            return x > z;
        }

        void learn(double x, EvtSettings settings) {
            n++;
            if (x > t) {
                addExcess(x - t);
                refit(settings);
            }
        }

        private void addExcess(double y) {
            if (excesses.full()) {
                double dropped = excesses.oldest();
                sum -= dropped;
                sumOfSquares -= dropped * dropped;
                // the dropped excess leaves with the share of the stream it stood for
                n = Math.max(excesses.size(), n - Math.round((double) n / excesses.size()));
            }
            excesses.add(y);
            sum += y;
            sumOfSquares += y * y;
        }

        private void refit(EvtSettings settings) {
            if (excesses.size() == 0) {
                z = t;
                return;
            }
            GeneralizedPareto gpd = GeneralizedPareto.fit(excesses.size(), sum, sumOfSquares);
            z = Math.max(t, gpd.quantile(t, settings.risk(), n, excesses.size()));
        }

        void write(ModelWriter out) {
            out.float64(t);
            out.float64(n);
            out.float64(sum);
            out.float64(sumOfSquares);
            out.float64(z);
            out.float64s(excesses.inOrder());
        }

        static Side read(ModelReader in, EvtSettings settings) throws ModelFormatException {
            double t = in.float64();
            double n = in.float64();
            double sum = in.float64();
            double sumOfSquares = in.float64();
            double z = in.float64();
            double[] excesses = in.float64s();
            if (excesses.length > settings.maxExceedances() || !(n >= excesses.length)) {
                throw in.malformed("EVT side holds " + excesses.length + " excesses of " + n + " values");
            }
            Ring ring = new Ring(settings.maxExceedances());
            for (double excess : excesses) {
                ring.add(excess);
            }
            return new Side(t, (long) n, sum, sumOfSquares, z, ring);
        }
    }

    /** A fixed-capacity ring of the latest values, with their running sum. */
    private static final class Ring {
        private final double[] values;
        private int start;
        private int size;
        private double sum;

        Ring(int capacity) {
            this.values = new double[capacity];
        }

        int capacity() {
            return values.length;
        }

        int size() {
            return size;
        }

        boolean full() {
            return size == values.length;
        }

        double oldest() {
            return values[start];
        }

        /** Adds a value, dropping the oldest when full. */
        void add(double value) {
            if (values.length == 0) {
                return;
            }
            if (full()) {
                sum -= values[start];
                values[start] = value;
                start = (start + 1) % values.length;
            } else {
                values[(start + size++) % values.length] = value;
            }
            sum += value;
        }

        double mean() {
            return size == 0 ? 0 : sum / size;
        }

        double[] inOrder() {
            double[] ordered = new double[size];
            for (int k = 0; k < size; k++) {
                ordered[k] = values[(start + k) % values.length];
            }
            return ordered;
        }
    }

    synchronized void write(ModelWriter out) {
        out.int32(settings.given().size());
        new TreeMap<>(settings.given()).forEach((key, value) -> {
            out.utf8(key);
            out.utf8(value);
        });
        out.utf8(settings.resKey());
        out.float64(seen);
        out.float64s(warmup == null ? new double[0] : Arrays.copyOf(warmup, (int) seen));
        out.float64s(window.inOrder());
        out.float64(window.sum);
        for (Side side : new Side[] {upper, lower}) {
            out.flag(side != null);
            if (side != null) {
                side.write(out);
            }
        }
    }

    static EvtThreshold read(ModelReader in, List<String> predictKeys) throws ModelFormatException {
        int count = in.int32();
        if (count < 0) {
            throw in.malformed("negative number of EVT parameters: " + count);
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            given.put(in.utf8(), in.utf8());
        }
        String resKey = in.utf8();
        EvtSettings settings;
        try {
            Map<String, String> body = new LinkedHashMap<>(given);
            body.put(EvtSettings.RES_KEY, resKey);
            settings = EvtSettings.ofWrapper(body, resKey, predictKeys);
        } catch (ModelBuildException e) {
            throw in.malformed("unreadable EVT settings: " + e.getMessage());
        }
        EvtThreshold threshold = new EvtThreshold(new EvtSettings(resKey, settings.warmupSize(), settings.risk(),
                settings.quantile(), settings.twoSided(), settings.windowSize(), settings.maxExceedances(), given));
        double seen = in.float64();
        double[] warmup = in.float64s();
        double[] window = in.float64s();
        double windowSum = in.float64();
        boolean calibrating = seen < settings.warmupSize();
        if (!(seen >= 0) || (calibrating ? warmup.length != seen : warmup.length != 0)
                || window.length > settings.windowSize()) {
            throw in.malformed("EVT state of " + seen + " values seen holds " + warmup.length
                    + " warm-up values and a window of " + window.length);
        }
        threshold.seen = (long) seen;
        if (calibrating) {
            System.arraycopy(warmup, 0, threshold.warmup, 0, warmup.length);
        } else {
            threshold.warmup = null;
        }
        for (double value : window) {
            threshold.window.add(value);
        }
        // the running sum as it was, so the restored threshold continues bit for bit
        threshold.window.sum = windowSum;
        boolean hasUpper = in.flag();
        if (hasUpper) {
            threshold.upper = Side.read(in, settings);
        }
        boolean hasLower = in.flag();
        if (hasLower) {
            threshold.lower = Side.read(in, settings);
        }
        if (hasUpper == calibrating || hasLower != (!calibrating && settings.twoSided())) {
            throw in.malformed("EVT sides do not match its state (calibrated: " + !calibrating + ")");
        }
        return threshold;
    }
}
