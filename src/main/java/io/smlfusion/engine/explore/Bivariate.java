package io.smlfusion.engine.explore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bi}: the relation of the first two attributes x, y of the MLContext (spec §7.2, §7.6).
 * <ul>
 * <li>{@code covar} = Σ(x − x̄)(y − ȳ)/n (population), {@code linCorr} = Pearson's r;</li>
 * <li>the conditional family (extra parameter {@code need_bi_conditional}, default true) treats y
 *     as a weight, exactly as the product does (spec §7.6, exact selection when y is binary):
 *     {@code condCount} = Σy, {@code condSum} = Σxy, {@code condMean} = Σxy/Σy,
 *     {@code condVariance} = Σx²y²/Σy − condMean², {@code condStddev} = √condVariance;</li>
 * <li>{@code biCi95Down}, {@code biCi95Up} ({@code need_bi_conditional_ci95}, default true): the
 *     95 % confidence interval of the conditional mean, condMean ∓ t₀.₉₇₅,condCount−1 ·
 *     condStddev/√condCount — the same construction as {@code uni}'s meanMarginErrorC95.</li>
 * </ul>
 * {@code need_bi_conditional_mmm} (conditional min, max and median) would need a quantile sketch
 * per pair of attributes, which the representation does not keep: asking for it is refused.
 */
final class Bivariate {

    private Bivariate() {
    }

    static Map<String, Double> compute(Selection selection) {
        int[] attributes = selection.attributes();
        if (attributes.length < 2) {
            throw selection.expected("2 attributes x, y (inputAttributes, then targets)");
        }
        if (selection.flag("need_bi_conditional_mmm", false)) {
            throw new ExploreException("bi: need_bi_conditional_mmm (conditional min, max and median) is not supported:"
                    + " it needs a quantile sketch per pair of attributes, which this server does not keep");
        }
        int x = attributes[0];
        int y = attributes[1];
        MomentSums sums = selection.sums();
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("covar", sums.covariance(x, y));
        result.put("linCorr", sums.correlation(x, y));
        if (selection.flag("need_bi_conditional", true)) {
            Group conditional = sums.where(x, y);
            double stddev = Math.sqrt(conditional.variance());
            result.put("condMean", conditional.mean());
            result.put("condCount", conditional.count());
            result.put("condVariance", conditional.variance());
            result.put("condSum", sums.crossSum(x, y));
            result.put("condStddev", stddev);
            if (selection.flag("need_bi_conditional_ci95", true)) {
                double margin = Probabilities.tQuantile975(conditional.count() - 1) * stddev
                        / Math.sqrt(conditional.count());
                result.put("biCi95Down", conditional.mean() - margin);
                result.put("biCi95Up", conditional.mean() + margin);
            }
        }
        return result;
    }
}
