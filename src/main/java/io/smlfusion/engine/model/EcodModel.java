package io.smlfusion.engine.model;

import java.util.List;

import io.smlfusion.engine.stats.MergeableHistogram;
import io.smlfusion.engine.stats.Moments;

/**
 * {@code ecod}: Empirical-Cumulative-distribution-based Outlier Detection, Algorithm 1 of Z. Li,
 * Y. Zhao, X. Hu, N. Botta, C. Ionescu, G. H. Chen, "ECOD: Unsupervised Outlier Detection Using
 * Empirical Cumulative Distribution Functions", IEEE TKDE 35(12), 2023 (arXiv:2201.00382, 2022).
 * Targets play no part.
 *
 * <p><b>What it needs from the statistics:</b> the mergeable histogram of every input (a
 * histogram-enabled project; a fusion's are its cells' merged bucket for bucket) for the empirical
 * tail probabilities, and the centred moments for each input's skewness. The histogram resolves
 * values to within 1 %: values of one bucket count as ties. For a value x of input j, with n rows,
 * <pre>
 * F_left(x)  = (#rows in buckets starting at or below x + 1) / (n + 1)
 * F_right(x) = (#rows in buckets ending at or above x + 1) / (n + 1)
 * </pre>
 * — the empirical CDFs of the training rows plus the scored row, as ECOD fits its ECDFs on the
 * rows it scores (so a value beyond every training row has a finite score). With
 * O_left = −Σⱼ ln F_left, O_right = −Σⱼ ln F_right and O_auto the sum taking each input's left
 * tail when its skewness γⱼ = (m₃/n)/(m₂/n)^{3/2} &lt; 0 and its right tail otherwise, the score
 * {@code ecodscore} is max(O_left, O_right, O_auto) ({@code use_skewness=false}: max(O_left,
 * O_right)). {@code res} is 1 when it exceeds {@code ecod_anomaly_threshold}; by default
 * −d ln p with p = {@code desired_prob_feats} (default 0.05): the score of a row whose every input
 * sits at tail probability p.
 *
 * <p>Info (spec §8.5): {@code size} (n), {@code ecod_anomaly_threshold}, {@code skewness},
 * {@code mean}, {@code use_skewness}, {@code desired_prob_feats} (when the threshold is derived).
 * Parameters in the model format: flag use_skewness, float64 threshold, float64[] skewness, then
 * per input float64[] bucket lower bounds, upper bounds and counts.
 */
public final class EcodModel extends Model {

    private final boolean useSkewness;
    private final double threshold;
    private final double[] skewness;
    private final double[][] lower;
    private final double[][] upper;
    private final double[][] counts;
    /** Per input, cumulative[b] = rows in buckets 0 … b−1. */
    private final double[][] cumulative;

    private EcodModel(ModelSignature signature, ModelDescription description, boolean useSkewness,
                      double threshold, double[] skewness, double[][] lower, double[][] upper,
                      double[][] counts) {
        super(signature, description);
        this.useSkewness = useSkewness;
        this.threshold = threshold;
        this.skewness = skewness.clone();
        this.lower = lower;
        this.upper = upper;
        this.counts = counts;
        this.cumulative = new double[counts.length][];
        for (int j = 0; j < counts.length; j++) {
            cumulative[j] = new double[counts[j].length + 1];
            for (int b = 0; b < counts[j].length; b++) {
                cumulative[j][b + 1] = cumulative[j][b] + counts[j][b];
            }
        }
    }

    static EcodModel fit(BuildContext context) {
        int[] inputs = context.inputs();
        ModelOptions options = context.options();
        boolean useSkewness = options.flag("use_skewness", true);
        context.requireRowsAbove(0, "for empirical distributions");
        Moments moments = context.total();
        double n = moments.count();
        double[] skewness = new double[inputs.length];
        double[][] lower = new double[inputs.length][];
        double[][] upper = new double[inputs.length][];
        double[][] counts = new double[inputs.length][];
        for (int j = 0; j < inputs.length; j++) {
            double variance = moments.m2(inputs[j]) / n;
            skewness[j] = variance > 0 ? moments.m3(inputs[j]) / n / Math.pow(variance, 1.5) : 0;
            List<MergeableHistogram.Bucket> buckets = context.histogram(inputs[j]).buckets();
            lower[j] = new double[buckets.size()];
            upper[j] = new double[buckets.size()];
            counts[j] = new double[buckets.size()];
            for (int b = 0; b < buckets.size(); b++) {
                lower[j][b] = buckets.get(b).lower();
                upper[j][b] = buckets.get(b).upper();
                counts[j][b] = buckets.get(b).count();
            }
        }
        ModelDescription.Builder description = new ModelDescription.Builder()
                .info("size", (long) n);
        double threshold;
        if (options.has("ecod_anomaly_threshold")) {
            threshold = options.number("ecod_anomaly_threshold").getAsDouble();
        } else {
            double p = options.number("desired_prob_feats", 0.05, Double.MIN_VALUE, 1);
            threshold = -inputs.length * Math.log(p);
            description.info("desired_prob_feats", p);
        }
        description.info("ecod_anomaly_threshold", threshold)
                .info("skewness", skewness)
                .info("mean", context.signature().inputMeans())
                .info("use_skewness", useSkewness)
                .predicts(List.of("res", "ecodscore"), List.of("ecodscore"));
        return new EcodModel(context.signature(), description.build(), useSkewness, threshold, skewness,
                lower, upper, counts);
    }

    /** The ECOD score of a row. */
    double ecod(double[] row) {
        double left = 0;
        double right = 0;
        double auto = 0;
        for (int j = 0; j < row.length; j++) {
            double n = cumulative[j][counts[j].length];
            // buckets are sorted and disjoint: those starting at or below x form a prefix, as do
            // those ending below x
            double atOrBelow = cumulative[j][prefix(lower[j], row[j], true)];
            double atOrAbove = n - cumulative[j][prefix(upper[j], row[j], false)];
            double leftTail = -Math.log((atOrBelow + 1) / (n + 1));
            double rightTail = -Math.log((atOrAbove + 1) / (n + 1));
            left += leftTail;
            right += rightTail;
            auto += skewness[j] < 0 ? leftTail : rightTail;
        }
        double score = Math.max(left, right);
        return useSkewness ? Math.max(score, auto) : score;
    }

    /** The number of leading sorted bounds ≤ x ({@code inclusive}) or &lt; x. */
    private static int prefix(double[] sorted, double x, boolean inclusive) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (inclusive ? sorted[mid] <= x : sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    Prediction score(double[] row) {
        double score = ecod(row);
        return Prediction.builder().put("res", score > threshold ? 1L : 0L).put("ecodscore", score).build();
    }

    @Override
    void writeParameters(ModelWriter out) {
        out.flag(useSkewness);
        out.float64(threshold);
        out.float64s(skewness);
        for (int j = 0; j < counts.length; j++) {
            out.float64s(lower[j]);
            out.float64s(upper[j]);
            out.float64s(counts[j]);
        }
    }

    static EcodModel read(ModelReader in, ModelSignature signature, ModelDescription description)
            throws ModelFormatException {
        boolean useSkewness = in.flag();
        double threshold = in.float64();
        double[] skewness = in.float64s();
        int p = signature.inputs().size();
        if (skewness.length != p) {
            throw in.malformed(skewness.length + " ecod skewness values for " + p + " inputs");
        }
        double[][] lower = new double[p][];
        double[][] upper = new double[p][];
        double[][] counts = new double[p][];
        for (int j = 0; j < p; j++) {
            lower[j] = in.float64s();
            upper[j] = in.float64s();
            counts[j] = in.float64s();
            if (upper[j].length != lower[j].length || counts[j].length != lower[j].length) {
                throw in.malformed("ecod input " + j + " has unequal bucket arrays");
            }
        }
        return new EcodModel(signature, description, useSkewness, threshold, skewness, lower, upper, counts);
    }
}
