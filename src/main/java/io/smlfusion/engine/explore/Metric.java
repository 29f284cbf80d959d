package io.smlfusion.engine.explore;

import java.util.Map;

/** One {@code metric} of the explore endpoint (spec §7.2): the KSVDMap entry of one MLContext. */
@FunctionalInterface
interface Metric {

    /**
     * @return the result keys in a stable order; a value may be NaN or infinite when the statistic
     *     is undefined for these rows (the caller reports those)
     * @throws ExploreException when the MLContext does not fit the metric
     */
    Map<String, Double> compute(Selection selection);
}
