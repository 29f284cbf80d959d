package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

import io.smlfusion.engine.stats.Moments;

/**
 * {@code oospca}: the squared prediction error (SPE, Q statistic) of a row outside the leading
 * principal components of the inputs — its reconstruction error (J. E. Jackson, "A User's Guide to
 * Principal Components", Wiley 1991, §2.7; I. T. Jolliffe, "Principal Component Analysis", 2nd ed.,
 * Springer 2002, §10.1). Targets play no part.
 *
 * <p><b>What it needs from the statistics:</b> the means and the co-moments of the inputs, so it is
 * additive and a fusion's model is that of the union of its cells' rows. With {@code standardize}
 * (default true) z = (x − x̄)/s (population sⱼ; a constant input contributes 0), otherwise
 * z = x − x̄; the eigen-decomposition of M = Σzzᵀ/n = V Λ Vᵀ ({@link PrincipalAxes}) gives the
 * first q axes V_q ({@code q}, or the fewest explaining {@code explained_variance}, default 0.95;
 * at least one component must be left out). The score {@code oospcascore} is
 * ‖z − V_q V_qᵀ z‖².
 *
 * <p>{@code res} is 1 when the score exceeds {@code oospca_anomaly_threshold}, by default the
 * upper {@code oospca_alpha} (default 0.01) quantile of the SPE of Gaussian rows in Box's
 * approximation Q ≈ g χ²_h, g = θ₂/θ₁, h = θ₁²/θ₂, θᵢ = Σ_{k&gt;q} λₖⁱ (G. E. P. Box, Ann. Math.
 * Statist. 25(2), 1954, p. 290; the control limit of P. Nomikos, J. F. MacGregor, Technometrics
 * 37(1), 1995, eq. 9).
 *
 * <p>(SymetryML's {@code oospca} — "online out-of-sample PCA", the {@code OSSPCAModel} class — is
 * undocumented; this server gives the algorithm id the residual-subspace detector above.)
 *
 * <p>Info: {@code q}, {@code standardize}, {@code explained_variance}, {@code eigenvalues},
 * {@code mux}, {@code sig}, {@code oospca_alpha} (when the threshold is derived),
 * {@code oospca_anomaly_threshold}; extra {@code W}: the kept axes (attribute × component).
 * Parameters in the model format: float64 threshold, float64[] scales (0 for a constant input
 * when standardised), matrix V_q (p × q).
 */
public final class ResidualPcaModel extends Model {

    private final double threshold;
    private final double[] means;
    private final double[] scales;
    private final DMatrixRMaj axes;

    private ResidualPcaModel(ModelSignature signature, ModelDescription description, double threshold,
                             double[] scales, DMatrixRMaj axes) {
        super(signature, description);
        this.threshold = threshold;
        this.means = signature.inputMeans();
        this.scales = scales.clone();
        this.axes = axes.copy();
    }

    static ResidualPcaModel fit(BuildContext context) {
        int[] inputs = context.inputs();
        ModelOptions options = context.options();
        boolean standardize = options.flag("standardize", true);
        context.requireRowsAbove(1, "to centre the data");
        if (inputs.length < 2) {
            throw context.failure("needs at least 2 inputs: one component is kept and the rest scored");
        }
        Moments moments = context.total();
        double n = moments.count();
        DMatrixRMaj scatter = ScatterMatrices.scatter(moments, inputs);
        double[] roots = ScatterMatrices.rootDiagonal(scatter);
        double[] scales = new double[inputs.length];
        for (int j = 0; j < scales.length; j++) {
            scales[j] = standardize ? roots[j] / Math.sqrt(n) : 1;
        }
        PrincipalAxes principal = PrincipalAxes.of(
                ScatterMatrices.divided(ScatterMatrices.rescaled(scatter, scales), n));
        int q = principal.componentsToKeep(context);
        if (q >= inputs.length) {
            throw context.failure("keeps all " + inputs.length + " components and so scores nothing; "
                    + "give q below " + inputs.length + " or a lower explained_variance");
        }
        double[] eigenvalues = principal.eigenvalues();
        DMatrixRMaj kept = new DMatrixRMaj(inputs.length, q);
        double[][] loadings = new double[inputs.length][q];
        List<String> components = new ArrayList<>();
        for (int k = 0; k < q; k++) {
            double[] axis = principal.vector(k);
            for (int j = 0; j < inputs.length; j++) {
                kept.unsafe_set(j, k, axis[j]);
                loadings[j][k] = axis[j];
            }
            components.add("PC" + (k + 1));
        }
        ModelDescription.Builder description = new ModelDescription.Builder()
                .info("q", q)
                .info("standardize", standardize)
                .info("explained_variance", principal.explained(q))
                .info("eigenvalues", eigenvalues)
                .info("mux", context.signature().inputMeans())
                .info("sig", scales);
        double threshold;
        if (options.has("oospca_anomaly_threshold")) {
            threshold = options.number("oospca_anomaly_threshold").getAsDouble();
        } else {
            double alpha = options.number("oospca_alpha", 0.01, Double.MIN_VALUE, 1 - 1e-12);
            threshold = controlLimit(eigenvalues, q, alpha);
            description.info("oospca_alpha", alpha);
        }
        description.info("oospca_anomaly_threshold", threshold)
                .table("W", new ModelTable("attribute", components, context.inputNames(), loadings))
                .predicts(List.of("res", "oospcascore"), List.of("oospcascore"));
        return new ResidualPcaModel(context.signature(), description.build(), threshold, scales, kept);
    }

    /** g χ²_h(1 − α), g = θ₂/θ₁, h = θ₁²/θ₂ over the left-out eigenvalues; 0 when they are all 0. */
    static double controlLimit(double[] eigenvalues, int q, double alpha) {
        double theta1 = 0;
        double theta2 = 0;
        for (int k = q; k < eigenvalues.length; k++) {
            theta1 += eigenvalues[k];
            theta2 += eigenvalues[k] * eigenvalues[k];
        }
        if (theta2 <= 0) {
            return 0;
        }
        double g = theta2 / theta1;
        double h = theta1 * theta1 / theta2;
        return g * new ChiSquaredDistribution(h).inverseCumulativeProbability(1 - alpha);
    }

    /** ‖z − V_q V_qᵀ z‖² of a row. */
    double spe(double[] row) {
        int p = row.length;
        double[] z = new double[p];
        for (int j = 0; j < p; j++) {
            z[j] = scales[j] == 0 ? 0 : (row[j] - means[j]) / scales[j];
        }
        double[] residual = z.clone();
        for (int k = 0; k < axes.numCols; k++) {
            double projection = 0;
            for (int j = 0; j < p; j++) {
                projection += axes.unsafe_get(j, k) * z[j];
            }
            for (int j = 0; j < p; j++) {
                residual[j] -= projection * axes.unsafe_get(j, k);
            }
        }
        return ScatterMatrices.dot(residual, residual);
    }

    @Override
    Prediction score(double[] row) {
        double spe = spe(row);
        return Prediction.builder().put("res", spe > threshold ? 1L : 0L).put("oospcascore", spe).build();
    }

    @Override
    void writeParameters(ModelWriter out) {
        out.float64(threshold);
        out.float64s(scales);
        out.matrix(axes);
    }

    static ResidualPcaModel read(ModelReader in, ModelSignature signature, ModelDescription description)
            throws ModelFormatException {
        double threshold = in.float64();
        double[] scales = in.float64s();
        DMatrixRMaj axes = in.matrix();
        int p = signature.inputs().size();
        if (scales.length != p || axes.numRows != p || axes.numCols >= p) {
            throw in.malformed("oospca parameters do not match its " + p + " inputs");
        }
        return new ResidualPcaModel(signature, description, threshold, scales, axes);
    }
}
