package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.List;

import io.smlfusion.engine.stats.MergeableHistogram;

/**
 * {@code hba}: the histogram-based outlier score HBOS of M. Goldstein, A. Dengel, "Histogram-based
 * Outlier Score (HBOS): A fast Unsupervised Anomaly Detection Algorithm", KI-2012 Poster and Demo
 * Track, pp. 59–63, in the static-bin-width form of PyOD's {@code HBOS} (Y. Zhao, Z. Nasrullah,
 * Z. Li, "PyOD: A Python Toolbox for Scalable Outlier Detection", JMLR 20(96), 2019). Targets play
 * no part.
 *
 * <p><b>What it needs from the statistics:</b> the mergeable histogram of every input (a
 * histogram-enabled project; a fusion's histograms are its cells' merged bucket for bucket), so a
 * fusion's model is the model of the union of its cells' rows. The histogram's logarithmic buckets
 * (each within 1 % of its values) are re-binned into {@code hba_n_bins} (default 10, at most
 * {@value #MAX_BINS}) equal-width bins over [min, max] of the input, a bucket's count shared
 * between the bins it overlaps in proportion to the overlap (values spread evenly in a bucket).
 *
 * <p>With bin b of input j holding c_b of the n rows over width w, its density is
 * d_b = c_b/(n w) and the input's score −log₂(d_b + α), α = {@code hba_alpha} (default 0.1, PyOD's
 * regulariser: an empty bin scores −log₂ α, not ∞). A value below the first edge (or above the
 * last) within {@code hba_tol} (default 0.5) bin widths scores as the first (last) bin, further out
 * as the input's emptiest bin. The row's score {@code hbascore} is the sum over inputs (HBOS
 * assumes independent inputs); {@code res} is 1 when it exceeds the threshold,
 * {@code hba_anomaly_threshold} when given, otherwise the (1 − {@code hba_contamination}) quantile
 * (default contamination 0.1, PyOD's) of the score's distribution under that same independence,
 * computed by convolving the inputs' bin distributions on a grid of {@value #GRID} points.
 *
 * <p>Info: {@code size} (n), {@code hba_n_bins}, {@code hba_alpha}, {@code hba_tol},
 * {@code hba_contamination} (when the threshold is derived), {@code hba_anomaly_threshold};
 * extra {@code hba_bins}: per input its min, max and bin counts. Parameters in the model format:
 * float64 α, tol, threshold; float64[] min; float64[] max; per input float64[] bin counts.
 */
public final class HistogramAnomalyModel extends Model {

    static final int MAX_BINS = 1000;
    private static final int GRID = 4096;

    private final double alpha;
    private final double tolerance;
    private final double threshold;
    private final double[] min;
    private final double[] max;
    /** Per input, the bin scores −log₂(d_b + α). */
    private final double[][] binScores;
    private final double[][] counts;

    private HistogramAnomalyModel(ModelSignature signature, ModelDescription description, double alpha,
                                  double tolerance, double threshold, double[] min, double[] max,
                                  double[][] counts) {
        super(signature, description);
        this.alpha = alpha;
        this.tolerance = tolerance;
        this.threshold = threshold;
        this.min = min.clone();
        this.max = max.clone();
        this.counts = new double[counts.length][];
        this.binScores = new double[counts.length][];
        for (int j = 0; j < counts.length; j++) {
            this.counts[j] = counts[j].clone();
            this.binScores[j] = binScores(counts[j], max[j] - min[j], alpha);
        }
    }

    static HistogramAnomalyModel fit(BuildContext context) {
        int[] inputs = context.inputs();
        ModelOptions options = context.options();
        int bins = options.wholeNumber("hba_n_bins", 10, 1);
        if (bins > MAX_BINS) {
            throw ModelOptions.invalid("hba_n_bins", options.text("hba_n_bins"), "exceeds " + MAX_BINS);
        }
        double alpha = options.number("hba_alpha", 0.1, Double.MIN_VALUE, Double.MAX_VALUE);
        double tolerance = options.number("hba_tol", 0.5, 0, Double.MAX_VALUE);
        context.requireRowsAbove(0, "to form histograms");
        double[] min = new double[inputs.length];
        double[] max = new double[inputs.length];
        double[][] counts = new double[inputs.length][];
        for (int j = 0; j < inputs.length; j++) {
            MergeableHistogram histogram = context.histogram(inputs[j]);
            min[j] = histogram.min();
            max[j] = histogram.max();
            if (min[j] == max[j]) {
                // a constant input: numpy's histogram widens the range by ½ each side
                min[j] -= 0.5;
                max[j] += 0.5;
            }
            counts[j] = rebinned(histogram, min[j], max[j], bins);
        }
        ModelDescription.Builder description = new ModelDescription.Builder()
                .info("size", context.count())
                .info("hba_n_bins", bins)
                .info("hba_alpha", alpha)
                .info("hba_tol", tolerance);
        double threshold;
        if (options.has("hba_anomaly_threshold")) {
            threshold = options.number("hba_anomaly_threshold").getAsDouble();
        } else {
            double contamination = options.number("hba_contamination", 0.1, Double.MIN_VALUE, 1);
            double[][] scores = new double[inputs.length][];
            for (int j = 0; j < inputs.length; j++) {
                scores[j] = binScores(counts[j], max[j] - min[j], alpha);
            }
            threshold = upperQuantile(scores, counts, contamination);
            description.info("hba_contamination", contamination);
        }
        description.info("hba_anomaly_threshold", threshold)
                .table("hba_bins", table(context.inputNames(), min, max, counts))
                .predicts(List.of("res", "hbascore"), List.of("hbascore"));
        return new HistogramAnomalyModel(context.signature(), description.build(), alpha, tolerance,
                threshold, min, max, counts);
    }

    /**
     * The bucket counts of {@code histogram} in {@code bins} equal-width bins over [lo, hi]: each
     * bucket's interval clipped to [lo, hi], its count shared in proportion to its overlap with
     * each bin (a bucket of zero width — the zero bucket, or one clipped to a point — goes whole to
     * the bin of that point, the last bin holding its right edge).
     */
    static double[] rebinned(MergeableHistogram histogram, double lo, double hi, int bins) {
        double width = (hi - lo) / bins;
        double[] counts = new double[bins];
        for (MergeableHistogram.Bucket bucket : histogram.buckets()) {
            double from = Math.max(lo, Math.min(hi, bucket.lower()));
            double to = Math.max(lo, Math.min(hi, bucket.upper()));
            if (to <= from) {
                counts[bin(from, lo, width, bins)] += bucket.count();
                continue;
            }
            int first = bin(from, lo, width, bins);
            int last = bin(to, lo, width, bins);
            for (int b = first; b <= last; b++) {
                double overlap = Math.min(to, lo + (b + 1) * width) - Math.max(from, lo + b * width);
                if (overlap > 0) {
                    counts[b] += bucket.count() * overlap / (to - from);
                }
            }
        }
        return counts;
    }

    private static int bin(double value, double lo, double width, int bins) {
        return Math.max(0, Math.min(bins - 1, (int) Math.floor((value - lo) / width)));
    }

    /** −log₂(c_b/(n w) + α) per bin, w the bin width. */
    private static double[] binScores(double[] counts, double range, double alpha) {
        double n = 0;
        for (double count : counts) {
            n += count;
        }
        double width = range / counts.length;
        double[] scores = new double[counts.length];
        for (int b = 0; b < counts.length; b++) {
            scores[b] = -Math.log(counts[b] / (n * width) + alpha) / Math.log(2);
        }
        return scores;
    }

    /**
     * The smallest t with P(Σⱼ sⱼ &gt; t) ≤ {@code contamination} when input j scores sⱼ(b) with
     * probability c_b/n, independently: the distributions convolved on a grid over [Σ min sⱼ,
     * Σ max sⱼ] (each input's score rounded to the nearest grid point).
     */
    static double upperQuantile(double[][] scores, double[][] counts, double contamination) {
        double low = 0;
        double high = 0;
        for (double[] input : scores) {
            double inputMin = Double.POSITIVE_INFINITY;
            double inputMax = Double.NEGATIVE_INFINITY;
            for (double score : input) {
                inputMin = Math.min(inputMin, score);
                inputMax = Math.max(inputMax, score);
            }
            low += inputMin;
            high += inputMax;
        }
        if (high - low <= 0) {
            return high;
        }
        double step = (high - low) / (GRID - 1);
        double[] distribution = new double[GRID];
        distribution[0] = 1;
        for (int j = 0; j < scores.length; j++) {
            double inputMin = Double.POSITIVE_INFINITY;
            double total = 0;
            for (int b = 0; b < scores[j].length; b++) {
                inputMin = Math.min(inputMin, scores[j][b]);
                total += counts[j][b];
            }
            double[] next = new double[GRID];
            for (int b = 0; b < scores[j].length; b++) {
                if (counts[j][b] == 0) {
                    continue;
                }
                double probability = counts[j][b] / total;
                int shift = (int) Math.round((scores[j][b] - inputMin) / step);
                for (int i = 0; i < GRID; i++) {
                    next[Math.min(GRID - 1, i + shift)] += distribution[i] * probability;
                }
            }
            distribution = next;
        }
        double above = 1;
        for (int i = 0; i < GRID; i++) {
            above -= distribution[i];
            if (above <= contamination * (1 + 1e-12)) {
                return low + i * step;
            }
        }
        return high;
    }

    private static ModelTable table(List<String> inputs, double[] min, double[] max, double[][] counts) {
        List<String> columns = new ArrayList<>(List.of("min", "max"));
        for (int b = 1; b <= counts[0].length; b++) {
            columns.add("bin" + b);
        }
        double[][] rows = new double[inputs.size()][];
        for (int j = 0; j < rows.length; j++) {
            rows[j] = new double[columns.size()];
            rows[j][0] = min[j];
            rows[j][1] = max[j];
            System.arraycopy(counts[j], 0, rows[j], 2, counts[j].length);
        }
        return new ModelTable("attribute", columns, inputs, rows);
    }

    /** The HBOS of a row: Σⱼ −log₂(dⱼ(xⱼ) + α). */
    double hbos(double[] row) {
        double sum = 0;
        for (int j = 0; j < row.length; j++) {
            sum += inputScore(j, row[j]);
        }
        return sum;
    }

    private double inputScore(int j, double value) {
        double[] scores = binScores[j];
        int bins = scores.length;
        double width = (max[j] - min[j]) / bins;
        if (value < min[j] || value > max[j]) {
            double distance = value < min[j] ? min[j] - value : value - max[j];
            if (distance <= tolerance * width) {
                return scores[value < min[j] ? 0 : bins - 1];
            }
            double worst = Double.NEGATIVE_INFINITY;
            for (double score : scores) {
                worst = Math.max(worst, score);
            }
            return worst;
        }
        return scores[bin(value, min[j], width, bins)];
    }

    @Override
    Prediction score(double[] row) {
        double hbos = hbos(row);
        return Prediction.builder().put("res", hbos > threshold ? 1L : 0L).put("hbascore", hbos).build();
    }

    @Override
    void writeParameters(ModelWriter out) {
        out.float64(alpha);
        out.float64(tolerance);
        out.float64(threshold);
        out.float64s(min);
        out.float64s(max);
        for (double[] input : counts) {
            out.float64s(input);
        }
    }

    static HistogramAnomalyModel read(ModelReader in, ModelSignature signature, ModelDescription description)
            throws ModelFormatException {
        double alpha = in.float64();
        double tolerance = in.float64();
        double threshold = in.float64();
        double[] min = in.float64s();
        double[] max = in.float64s();
        int p = signature.inputs().size();
        if (min.length != p || max.length != p) {
            throw in.malformed("hba bin ranges do not match its " + p + " inputs");
        }
        double[][] counts = new double[p][];
        for (int j = 0; j < p; j++) {
            counts[j] = in.float64s();
            if (counts[j].length == 0 || !(max[j] > min[j])) {
                throw in.malformed("hba input " + j + " has no bins or an empty range");
            }
        }
        if (!(alpha > 0)) {
            throw in.malformed("hba alpha " + alpha + " is not positive");
        }
        return new HistogramAnomalyModel(signature, description, alpha, tolerance, threshold, min, max, counts);
    }
}
