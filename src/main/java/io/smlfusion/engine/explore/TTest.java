package io.smlfusion.engine.explore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Student's t tests of spec §7.2, two-sided. Sample standard deviations s use n − 1.
 * <ul>
 * <li>{@code ttest} ({@link ComparedGroups}), keys {@code tn1 tn2 tm1 tm2 ts1 ts2} (counts, means,
 *     s) and two tests of m₁ = m₂:
 *     <ul>
 *     <li>equal variances (Student): s_p² = ((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2),
 *         {@code t} = (m₁ − m₂)/(s_p√(1/n₁ + 1/n₂)), {@code tdf} = n₁ + n₂ − 2, {@code tp};</li>
 *     <li>unequal variances (Welch 1947): {@code tu} = (m₁ − m₂)/√(v₁ + v₂) with vᵢ = sᵢ²/nᵢ,
 *         Welch–Satterthwaite {@code tdfu} = (v₁ + v₂)²/(v₁²/(n₁−1) + v₂²/(n₂−1)), {@code tpu};</li>
 *     </ul>
 *     (the statistics of R's {@code t.test} and scipy's {@code ttest_ind});</li>
 * <li>{@code ttestmu}, one continuous attribute against μ₀ = {@code sml_explore_ttest_known_mu}:
 *     t = (x̄ − μ₀)/(s/√n) with n − 1 degrees of freedom; keys {@code t}, {@code tp}.</li>
 * </ul>
 */
final class TTest {

    static final String KNOWN_MU = "sml_explore_ttest_known_mu";

    private TTest() {
    }

    static Map<String, Double> twoSample(Selection selection) {
        ComparedGroups groups = ComparedGroups.of(selection);
        Group g1 = groups.first();
        Group g2 = groups.second();
        double difference = g1.mean() - g2.mean();
        double df = g1.count() + g2.count() - 2;
        double pooledVariance = ((g1.count() - 1) * g1.sampleVariance() + (g2.count() - 1) * g2.sampleVariance()) / df;
        double t = difference / Math.sqrt(pooledVariance * (1 / g1.count() + 1 / g2.count()));
        double v1 = g1.sampleVariance() / g1.count();
        double v2 = g2.sampleVariance() / g2.count();
        double tu = difference / Math.sqrt(v1 + v2);
        double dfu = (v1 + v2) * (v1 + v2) / (v1 * v1 / (g1.count() - 1) + v2 * v2 / (g2.count() - 1));

        Map<String, Double> result = new LinkedHashMap<>();
        result.put("tn1", g1.count());
        result.put("tn2", g2.count());
        result.put("tm1", g1.mean());
        result.put("tm2", g2.mean());
        result.put("ts1", g1.sampleStandardDeviation());
        result.put("ts2", g2.sampleStandardDeviation());
        result.put("t", t);
        result.put("tdf", df);
        result.put("tp", Probabilities.twoSidedT(t, df));
        result.put("tu", tu);
        result.put("tdfu", dfu);
        result.put("tpu", Probabilities.twoSidedT(tu, dfu));
        return result;
    }

    static Map<String, Double> knownMean(Selection selection) {
        Group x = ComparedGroups.single(selection, KNOWN_MU);
        double mu = selection.number(KNOWN_MU, "the known mean μ₀");
        double t = (x.mean() - mu) / (x.sampleStandardDeviation() / Math.sqrt(x.count()));
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("t", t);
        result.put("tp", Probabilities.twoSidedT(t, x.count() - 1));
        return result;
    }
}
