package io.smlfusion.engine.explore;

import java.util.LinkedHashMap;
import java.util.Map;

import io.smlfusion.engine.stats.MergeableHistogram;

/**
 * {@code uni}: descriptive statistics of the first attribute of the MLContext (spec §7.2, §7.6).
 * With n rows, M_k = Σ(x − x̄)^k and σ² = M₂/n:
 * <ul>
 * <li>{@code variance} = σ² (population, spec §7.6), {@code stddev} = σ;</li>
 * <li>{@code skewness} = n/((n−1)(n−2)) · M₃/σ³ — the product's formula, recovered from its Iris
 *     sample to 1e-12 (spec §7.6; equivalently n²/((n−1)(n−2)) · m₃/σ³ with m₃ = M₃/n). It is
 *     (n/(n−1))^{3/2} times the textbook adjusted Fisher–Pearson G₁ = √(n(n−1))/(n−2) · m₃/σ³ of
 *     Joanes &amp; Gill (1998) — 0.318087 against 0.314911 on Iris sepal length;</li>
 * <li>{@code kurtosis} = the adjusted excess kurtosis G₂ = (n−1)/((n−2)(n−3)) · ((n+1)·g₂ + 6),
 *     g₂ = n·M₄/M₂² − 3 (Joanes &amp; Gill, "Comparing measures of sample skewness and kurtosis",
 *     The Statistician 47(1), 1998; SAS, Excel KURT, scipy {@code kurtosis(bias=False)});</li>
 * <li>{@code stderr} = σ/√n (spec §7.2); {@code meanMarginErrorC95} = t₀.₉₇₅,ₙ₋₁ · stderr, the
 *     half-width of the 95 % confidence interval of the mean with Student's quantile;</li>
 * <li>with histograms: {@code min}, {@code max} (exact) and {@code median} (the DDSketch
 *     quantile, within 1 % relative of the true median).</li>
 * </ul>
 */
final class Univariate {

    private Univariate() {
    }

    static Map<String, Double> compute(Selection selection) {
        int[] attributes = selection.attributes();
        if (attributes.length == 0) {
            throw selection.expected("1 attribute (the first of inputAttributes, or of targets)");
        }
        int x = attributes[0];
        MomentSums sums = selection.sums();
        double n = sums.count();
        double m2 = sums.squaredDeviations(x);
        double variance = m2 / n;
        double stddev = Math.sqrt(variance);
        double stderr = stddev / Math.sqrt(n);
        double g2 = n * sums.m4(x) / (m2 * m2) - 3;

        Map<String, Double> result = new LinkedHashMap<>();
        result.put("count", n);
        result.put("mean", sums.mean(x));
        result.put("variance", variance);
        result.put("stddev", stddev);
        result.put("skewness", n / ((n - 1) * (n - 2)) * sums.m3(x) / (variance * stddev));
        result.put("kurtosis", (n - 1) / ((n - 2) * (n - 3)) * ((n + 1) * g2 + 6));
        result.put("stderr", stderr);
        result.put("meanMarginErrorC95", Probabilities.tQuantile975(n - 1) * stderr);
        if (selection.statistics().histogramsEnabled()) {
            MergeableHistogram histogram = selection.statistics().histogram(x);
            result.put("min", histogram.min());
            result.put("max", histogram.max());
            result.put("median", histogram.median());
        }
        return result;
    }
}
