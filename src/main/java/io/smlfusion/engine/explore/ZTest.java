package io.smlfusion.engine.explore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The z tests of spec §7.2, two-sided, with p from the standard normal distribution. Sample
 * standard deviations s use n − 1.
 * <ul>
 * <li>{@code ztest} ({@link ComparedGroups}): z = (m₁ − m₂)/√(s₁²/n₁ + s₂²/n₂), the large-sample
 *     test of two means with unpooled variances; keys {@code zn1 zn2 zm1 zm2 zs1 zs2} (counts,
 *     means, s) and {@code z}, {@code zp};</li>
 * <li>{@code ztestp}, two binary attributes a, b over the same n rows: proportions p_a, p_b,
 *     pooled p̄ = (p_a + p_b)/2, z = (p_a − p_b)/√(p̄(1 − p̄)·2/n) — the two-proportion z test
 *     with pooled variance (e.g. Agresti, Categorical Data Analysis, 3rd ed., §3.1.1);</li>
 * <li>{@code ztestmu}, one continuous attribute against μ₀ = {@code sml_explore_ztest_known_mu}:
 *     z = (x̄ − μ₀)/(s/√n).</li>
 * </ul>
 */
final class ZTest {

    static final String KNOWN_MU = "sml_explore_ztest_known_mu";

    private ZTest() {
    }

    static Map<String, Double> twoSample(Selection selection) {
        ComparedGroups groups = ComparedGroups.of(selection);
        Group g1 = groups.first();
        Group g2 = groups.second();
        double z = (g1.mean() - g2.mean())
                / Math.sqrt(g1.sampleVariance() / g1.count() + g2.sampleVariance() / g2.count());
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("zn1", g1.count());
        result.put("zn2", g2.count());
        result.put("zm1", g1.mean());
        result.put("zm2", g2.mean());
        result.put("zs1", g1.sampleStandardDeviation());
        result.put("zs2", g2.sampleStandardDeviation());
        return withZ(result, z);
    }

    static Map<String, Double> proportions(Selection selection) {
        int[] a = selection.inputs();
        if (a.length != 2 || !selection.allBinary(a)) {
            throw selection.expected("inputAttributes [binary, binary] (two proportions)");
        }
        MomentSums sums = selection.sums();
        double n = sums.count();
        double p1 = sums.mean(a[0]);
        double p2 = sums.mean(a[1]);
        double pooled = (p1 + p2) / 2;
        return withZ(new LinkedHashMap<>(), (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * 2 / n));
    }

    static Map<String, Double> knownMean(Selection selection) {
        Group x = ComparedGroups.single(selection, KNOWN_MU);
        double mu = selection.number(KNOWN_MU, "the known mean μ₀");
        return withZ(new LinkedHashMap<>(), (x.mean() - mu) / (x.sampleStandardDeviation() / Math.sqrt(x.count())));
    }

    private static Map<String, Double> withZ(Map<String, Double> result, double z) {
        result.put("z", z);
        result.put("zp", Probabilities.twoSidedNormal(z));
        return result;
    }
}
