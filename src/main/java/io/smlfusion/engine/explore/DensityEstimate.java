package io.smlfusion.engine.explore;

import org.hipparchus.distribution.continuous.NormalDistribution;

import io.smlfusion.engine.stats.MergeableHistogram;
import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * {@code densityEstimate} and {@code conditionalDensityEstimate} (spec §7.4, §4.9): binned
 * distributions over {@code hist_bins} equal-width bins from {@code hist_min} to {@code hist_max}
 * (default: the attribute's exact minimum and maximum). Both need a project with histograms
 * (created with {@code enableHistogram=true}); fusions merge their cells' histograms bucket for
 * bucket, so the estimate of a fusion is the estimate of the union.
 * <ul>
 * <li>{@code densityEstimate}, one MLContext per attribute (the first input): each bucket of the
 *     attribute's DDSketch ({@link MergeableHistogram}, buckets ≈ 2 % wide) spreads its count
 *     uniformly over its extent, clipped to the exact minimum and maximum; a bin's share is the
 *     count it receives over n. Shares are exact up to the bucket width at the bin edges.</li>
 * <li>{@code conditionalDensityEstimate}, one MLContext per pair (target, conditional): the
 *     target is {@code targets[0]} and the conditional {@code inputAttributes[0]}, or, without
 *     targets, the first two inputs. The conditional must be binary: the target's distribution
 *     where it is 1 is <b>approximated</b> by the normal distribution with its exact conditional
 *     mean and variance (spec §10.2), since the representation keeps no per-pair sketch; bin
 *     shares are differences of that normal's cdf.</li>
 * </ul>
 */
public final class DensityEstimate {

    static final String BINS = "hist_bins";
    static final String MIN = "hist_min";
    static final String MAX = "hist_max";

    private DensityEstimate() {
    }

    public static Density of(ProjectStatistics statistics, MLContext context) {
        Selection selection = new Selection("densityEstimate", statistics, context);
        requireHistograms(selection);
        int[] inputs = selection.inputs();
        if (inputs.length == 0) {
            throw selection.expected("inputAttributes of 1 attribute and extraParameters." + BINS);
        }
        MergeableHistogram histogram = statistics.histogram(inputs[0]);
        Bins bins = bins(selection, histogram);
        String name = selection.name(inputs[0]);
        if (histogram.count() == 0) {
            return bins.density(name, new double[bins.count], "no rows have been learned");
        }
        double[] counts = new double[bins.count];
        for (MergeableHistogram.Bucket bucket : histogram.buckets()) {
            bins.spread(Math.max(bucket.lower(), histogram.min()), Math.min(bucket.upper(), histogram.max()),
                    bucket.count(), counts);
        }
        for (int k = 0; k < counts.length; k++) {
            counts[k] /= histogram.count();
        }
        return bins.density(name, counts, "");
    }

    public static Density conditional(ProjectStatistics statistics, MLContext context) {
        Selection selection = new Selection("conditionalDensityEstimate", statistics, context);
        requireHistograms(selection);
        int[] inputs = selection.inputs();
        int[] pair = selection.hasTargets() && inputs.length >= 1 ? new int[] {selection.targets()[0], inputs[0]}
                : inputs.length >= 2 ? new int[] {inputs[0], inputs[1]} : null;
        if (pair == null || !selection.isBinary(pair[1])) {
            throw selection.expected("a target (targets[0], or inputAttributes[0]) and a binary conditional attribute"
                    + " (inputAttributes[0], or inputAttributes[1]) with extraParameters." + BINS);
        }
        Bins bins = bins(selection, statistics.histogram(pair[0]));
        String name = selection.name(pair[0]) + "|" + selection.name(pair[1]);
        Group group = selection.sums().where(pair[0], pair[1]);
        if (!(group.count() > 0)) {
            return bins.density(name, new double[bins.count], "no rows have " + selection.name(pair[1]) + " = 1");
        }
        double[] shares = new double[bins.count];
        if (group.variance() > 0) {
            NormalDistribution normal = new NormalDistribution(group.mean(), Math.sqrt(group.variance()));
            for (int k = 0; k < shares.length; k++) {
                shares[k] = normal.probability(bins.edge(k), bins.edge(k + 1));
            }
        } else {
            bins.spread(group.mean(), group.mean(), 1, shares);
        }
        return bins.density(name, shares, "");
    }

    private static void requireHistograms(Selection selection) {
        if (!selection.statistics().histogramsEnabled()) {
            throw new ExploreException(selection.metric() + " needs a project with histograms: create it with"
                    + " enableHistogram=true");
        }
    }

    private static Bins bins(Selection selection, MergeableHistogram histogram) {
        int count = selection.wholeNumber(BINS, 1, "the number of bins");
        double min = selection.number(MIN, histogram.count() == 0 ? 0 : histogram.min());
        double max = selection.number(MAX, histogram.count() == 0 ? 0 : histogram.max());
        if (max < min) {
            throw new ExploreException("extraParameters." + MIN + " = " + min + " is above " + MAX + " = " + max);
        }
        return new Bins(min, max, count);
    }

    /** {@code count} equal bins over [min, max]; the last one includes max. */
    private record Bins(double min, double max, int count) {

        double width() {
            return (max - min) / count;
        }

        double edge(int k) {
            return k == count ? max : min + k * width();
        }

        /** The bin of a value in [min, max]. */
        int bin(double value) {
            return width() == 0 ? 0 : Math.min(count - 1, (int) ((value - min) / width()));
        }

        /** Adds {@code weight} spread uniformly over [lower, upper] (a point when equal); what lies outside [min, max] is lost. */
        void spread(double lower, double upper, double weight, double[] into) {
            if (upper < min || lower > max) {
                return;
            }
            if (upper <= lower) {
                into[bin(lower)] += weight;
                return;
            }
            double from = Math.max(lower, min);
            double to = Math.min(upper, max);
            for (int k = bin(from); k <= bin(to); k++) {
                double overlap = Math.min(to, edge(k + 1)) - Math.max(from, edge(k));
                if (overlap > 0) {
                    into[k] += weight * overlap / (upper - lower);
                }
            }
        }

        Density density(String name, double[] shares, String error) {
            return new Density(name, min, max, width(), shares, error);
        }
    }
}
