package io.smlfusion.engine.explore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Variance-ratio tests of spec §7.2, two-sided (twice the smaller tail, as R's {@code var.test}).
 * Sample standard deviations s use n − 1.
 * <ul>
 * <li>{@code ftest} ({@link ComparedGroups}): {@code f} = s₁²/s₂² ~ F(n₁−1, n₂−1) under equal
 *     variances; keys {@code fn1 fn2 fm1 fm2 fs1 fs2} (counts, means, s), {@code fdf1},
 *     {@code fdf2}, {@code f}, {@code fp};</li>
 * <li>{@code ftestmu} (alias {@code ftestsima}), one continuous attribute against the known
 *     standard deviation σ₀ = {@code sml_explore_ftest_known_sigma}: {@code f} = s²/σ₀², whose
 *     null distribution is F(n−1, ∞), i.e. (n−1)·f ~ χ²(n−1) — the χ² test for a variance;
 *     {@code fp} from that χ².</li>
 * </ul>
 */
final class FTest {

    static final String KNOWN_SIGMA = "sml_explore_ftest_known_sigma";

    private FTest() {
    }

    static Map<String, Double> twoSample(Selection selection) {
        ComparedGroups groups = ComparedGroups.of(selection);
        Group g1 = groups.first();
        Group g2 = groups.second();
        double df1 = g1.count() - 1;
        double df2 = g2.count() - 1;
        double f = g1.sampleVariance() / g2.sampleVariance();
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("fn1", g1.count());
        result.put("fn2", g2.count());
        result.put("fm1", g1.mean());
        result.put("fm2", g2.mean());
        result.put("fs1", g1.sampleStandardDeviation());
        result.put("fs2", g2.sampleStandardDeviation());
        result.put("fdf1", df1);
        result.put("fdf2", df2);
        result.put("f", f);
        result.put("fp", Probabilities.twoSided(Probabilities.lowerF(f, df1, df2), Probabilities.upperF(f, df1, df2)));
        return result;
    }

    static Map<String, Double> knownSigma(Selection selection) {
        Group x = ComparedGroups.single(selection, KNOWN_SIGMA);
        double sigma = selection.number(KNOWN_SIGMA, "the known standard deviation σ₀ > 0");
        if (!(sigma > 0)) {
            throw new ExploreException("extraParameters." + KNOWN_SIGMA + " must be a standard deviation > 0, not " + sigma);
        }
        double df = x.count() - 1;
        double f = x.sampleVariance() / (sigma * sigma);
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("f", f);
        result.put("fp", Probabilities.twoSided(Probabilities.lowerChiSquared(df * f, df),
                Probabilities.upperChiSquared(df * f, df)));
        return result;
    }
}
