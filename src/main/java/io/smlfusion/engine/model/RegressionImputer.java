package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.smlfusion.engine.stats.Moments;
import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * The "dynamic imputer" of prediction with {@code impute=true} (spec §9): each missing value of a
 * row is predicted by the least-squares regression, with intercept, of that attribute on the
 * attributes the row does have, built on the fly from the project statistics:
 * <pre>
 * x_m = x̄_m + S_mo S_oo⁺ (x_o − x̄_o)
 * </pre>
 * with S the centred scatter matrix, o the present and m the missing attributes — the same
 * coefficients as {@code mlr} of each missing attribute on the present ones (and the conditional
 * mean of a multivariate normal). S_oo⁺ is applied by {@link ScatterInverse} with the default
 * tolerance (a refined Cholesky solve, the SVD pseudo-inverse when S_oo is singular), so
 * collinear present attributes never fail. With nothing present, the
 * missing values are the means (the default imputation).
 */
public final class RegressionImputer {

    private RegressionImputer() {
    }

    /**
     * @param attributes the names of the row's values, all known to the project
     * @param row the values; those flagged missing are ignored
     * @param missing which values to impute
     * @return a copy of the row with the missing values imputed
     * @throws IllegalArgumentException when an attribute is unknown or the lengths differ
     */
    public static double[] impute(ProjectStatistics statistics, List<String> attributes,
                                  double[] row, boolean[] missing) {
        if (row.length != attributes.size() || missing.length != attributes.size()) {
            throw new IllegalArgumentException(attributes.size() + " attributes, " + row.length
                    + " values and " + missing.length + " missing flags");
        }
        int[] indexes = new int[attributes.size()];
        for (int k = 0; k < indexes.length; k++) {
            indexes[k] = statistics.schema().indexOf(attributes.get(k));
            if (indexes[k] < 0) {
                throw new IllegalArgumentException("attribute '" + attributes.get(k)
                        + "' is unknown to this project");
            }
        }
        int[] present = IntStream.range(0, row.length)
                .filter(k -> !missing[k]).toArray();
        Moments moments = statistics.total();
        double[] imputed = row.clone();
        double[] deviations = new double[present.length];
        int[] presentAttributes = new int[present.length];
        List<String> presentNames = new ArrayList<>();
        for (int k = 0; k < present.length; k++) {
            presentAttributes[k] = indexes[present[k]];
            deviations[k] = row[present[k]] - moments.mean(presentAttributes[k]);
            presentNames.add(attributes.get(present[k]));
        }
        double[] weights = present.length == 0 ? new double[0]
                : ScatterInverse.of(ScatterMatrices.scatter(moments, presentAttributes),
                        presentNames, new RankPolicy(true, RankPolicy.DEFAULT_TOLERANCE))
                        .solve(deviations);
        for (int k = 0; k < row.length; k++) {
            if (missing[k]) {
                double[] cross = ScatterMatrices.crossScatter(moments, presentAttributes,
                        indexes[k]);
                imputed[k] = moments.mean(indexes[k]) + ScatterMatrices.dot(cross, weights);
            }
        }
        return imputed;
    }
}
