package io.smlfusion.engine.model;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

import io.smlfusion.engine.stats.Moments;

/**
 * {@code covest}: a regularised covariance estimate of the inputs ({@link CovarianceEstimator}),
 * from the sample covariance C = S/(n − {@code ddof}) ({@code ddof} default 0: the
 * maximum-likelihood estimate). Targets play no part.
 *
 * <p>Prediction {@code res} (also the score): the squared Mahalanobis distance
 * (x − x̄)ᵀ Ĉ⁻¹ (x − x̄) of the row from the input means, an anomaly score; Ĉ⁻¹ per
 * {@link ScatterInverse} ({@code matrix_use_pseudoinv}, {@code sml_rcond_tolerance}).
 *
 * <p>Info: {@code estimate_type}, its parameters (see {@link CovarianceEstimator}), {@code ddof},
 * {@code n}; extra {@code cxx_est}: the estimate Ĉ, attribute × attribute. Parameters in the
 * model format: matrix Ĉ⁻¹ (the means are the signature's input means).
 */
public final class CovarianceModel extends Model {

    private final double[] means;
    private final DMatrixRMaj precision;

    private CovarianceModel(ModelSignature signature, ModelDescription description,
                            DMatrixRMaj precision) {
        super(signature, description);
        this.means = signature.inputMeans();
        this.precision = precision.copy();
    }

    static CovarianceModel fit(BuildContext context) {
        int[] inputs = context.inputs();
        Moments moments = context.total();
        int ddof = context.options().wholeNumber("ddof", 0, 0);
        context.requireRowsAbove(ddof + 1L, "more than ddof + 1");
        double n = moments.count();
        DMatrixRMaj covariance = ScatterMatrices.divided(
                ScatterMatrices.scatter(moments, inputs), n - ddof);
        ModelDescription.Builder description = new ModelDescription.Builder();
        DMatrixRMaj estimate = CovarianceEstimator.estimate(covariance, n, context, description);
        DMatrixRMaj precision = ScatterInverse.of(estimate, context.inputNames(),
                RankPolicy.from(context.options())).inverse();
        double[][] table = new double[inputs.length][inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            for (int j = 0; j < inputs.length; j++) {
                table[i][j] = estimate.unsafe_get(i, j);
            }
        }
        description.info("ddof", ddof).info("n", (long) n)
                .table("cxx_est", new ModelTable("attribute", context.inputNames(),
                        context.inputNames(), table))
                .predicts(List.of("res"), List.of("res"));
        return new CovarianceModel(context.signature(), description.build(), precision);
    }

    @Override
    Prediction score(double[] row) {
        double[] centred = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            centred[i] = row[i] - means[i];
        }
        double distance = ScatterMatrices.dot(centred, ScatterMatrices.times(precision, centred));
        return Prediction.builder().put("res", distance).build();
    }

    @Override
    void writeParameters(ModelWriter out) {
        out.matrix(precision);
    }

    static CovarianceModel read(ModelReader in, ModelSignature signature,
                                ModelDescription description) throws ModelFormatException {
        DMatrixRMaj precision = in.matrix();
        int p = signature.inputs().size();
        if (precision.numRows != p || precision.numCols != p) {
            throw in.malformed("covariance model parameters do not match its " + p + " inputs");
        }
        return new CovarianceModel(signature, description, precision);
    }
}
