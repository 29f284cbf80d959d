package io.smlfusion.engine.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * The explore endpoint's metrics (spec §7.2) by name, and the one way every exploration endpoint
 * runs over the MLContexts of an ExploreContext: in order, one answer each, and an error that
 * says which MLContext it is about.
 */
public final class Exploration {

    private static final Map<String, Metric> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("uni", Univariate::compute);
        METRICS.put("bi", Bivariate::compute);
        METRICS.put("ztest", ZTest::twoSample);
        METRICS.put("ztestp", ZTest::proportions);
        METRICS.put("ztestmu", ZTest::knownMean);
        METRICS.put("ttest", TTest::twoSample);
        METRICS.put("ttestmu", TTest::knownMean);
        METRICS.put("ftest", FTest::twoSample);
        METRICS.put("ftestmu", FTest::knownSigma);
        METRICS.put("ftestsima", FTest::knownSigma);
        METRICS.put("anova", Anova::compute);
        METRICS.put("chi2", ChiSquare::compute);
        METRICS.put("gain", InformationGain::compute);
    }

    private Exploration() {
    }

    /** The metric names the explore endpoint accepts, in documentation order. */
    public static Set<String> metrics() {
        return Collections.unmodifiableSet(METRICS.keySet());
    }

    /**
     * @return {@code metric}
     * @throws ExploreException naming the supported metrics when {@code metric} is not one
     */
    public static String requireMetric(String metric) {
        if (metric == null || !METRICS.containsKey(metric)) {
            throw new ExploreException((metric == null || metric.isBlank() ? "The query parameter metric is missing"
                    : "Unknown metric '" + metric + "'") + "; supported metrics: " + String.join(", ", metrics()));
        }
        return metric;
    }

    /**
     * The KSVDMap entries of {@code metric} over {@code contexts}, one per MLContext in order. A
     * value is NaN or infinite when its statistic is undefined for these rows.
     *
     * @throws ExploreException for an unknown metric or an MLContext that does not fit it
     */
    public static List<Map<String, Double>> explore(ProjectStatistics statistics, String metric,
                                                    List<MLContext> contexts) {
        requireMetric(metric);
        Metric computation = METRICS.get(metric);
        return forEach(contexts, context -> computation.compute(new Selection(metric, statistics, context)));
    }

    /**
     * Applies {@code computation} to every MLContext in order; an {@link ExploreException} is
     * rethrown with the position of its MLContext ({@code values[i]: …}).
     */
    public static <T> List<T> forEach(List<MLContext> contexts, Function<MLContext, T> computation) {
        if (contexts.isEmpty()) {
            throw new ExploreException("The ExploreContext holds no MLContext: send {\"values\":[MLContext, ...]}");
        }
        List<T> answers = new ArrayList<>(contexts.size());
        for (int k = 0; k < contexts.size(); k++) {
            try {
                answers.add(computation.apply(contexts.get(k)));
            } catch (ExploreException e) {
                throw new ExploreException("values[" + k + "]: " + e.getMessage());
            }
        }
        return answers;
    }
}
