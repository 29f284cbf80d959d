package io.smlfusion.engine.model;

import java.util.Collection;

import org.ejml.data.DMatrixRMaj;

import io.smlfusion.engine.stats.Moments;

/**
 * The one place that reads model matrices out of {@link Moments}: means, centred scatter
 * matrices S = Σ(x − x̄)(x − x̄)ᵀ and cross-scatter vectors Σ(x − x̄)(y − ȳ) of chosen attributes,
 * pooled within-class scatter, and their standardisation. Everything is centred (spec §10.2 in
 * centred form), so no raw power sum with its cancellation is ever formed here; covariances are
 * S/(n − ddof), correlations S_ij/√(S_ii S_jj).
 */
final class ScatterMatrices {

    private ScatterMatrices() {
    }

    static double[] means(Moments moments, int[] attributes) {
        double[] means = new double[attributes.length];
        for (int r = 0; r < attributes.length; r++) {
            means[r] = moments.mean(attributes[r]);
        }
        return means;
    }

    /** S = Σ(x − x̄)(x − x̄)ᵀ over the attributes, p × p. */
    static DMatrixRMaj scatter(Moments moments, int[] attributes) {
        int p = attributes.length;
        DMatrixRMaj scatter = new DMatrixRMaj(p, p);
        for (int r = 0; r < p; r++) {
            for (int c = r; c < p; c++) {
                double value = moments.comoment(attributes[r], attributes[c]);
                scatter.unsafe_set(r, c, value);
                scatter.unsafe_set(c, r, value);
            }
        }
        return scatter;
    }

    /** Σ(xᵣ − x̄ᵣ)(y − ȳ) for each attribute r, with y the attribute {@code other}. */
    static double[] crossScatter(Moments moments, int[] attributes, int other) {
        double[] cross = new double[attributes.length];
        for (int r = 0; r < attributes.length; r++) {
            cross[r] = moments.comoment(attributes[r], other);
        }
        return cross;
    }

    /** The pooled within-class scatter W = Σₖ Sₖ of the given class blocks. */
    static DMatrixRMaj pooledScatter(Collection<? extends Moments> classes, int[] attributes) {
        DMatrixRMaj pooled = new DMatrixRMaj(attributes.length, attributes.length);
        for (Moments block : classes) {
            DMatrixRMaj scatter = scatter(block, attributes);
            for (int k = 0; k < pooled.data.length; k++) {
                pooled.data[k] += scatter.data[k];
            }
        }
        return pooled;
    }

    /** √Sᵢᵢ of each diagonal element: the scale that turns S into a correlation matrix. */
    static double[] rootDiagonal(DMatrixRMaj scatter) {
        double[] roots = new double[scatter.numRows];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = Math.sqrt(Math.max(scatter.unsafe_get(i, i), 0));
        }
        return roots;
    }

    /**
     * D⁻¹ M D⁻¹ with D = diag(scales); a zero scale (constant attribute) leaves its row and
     * column 0. With {@code scales = rootDiagonal(S)} this is the correlation matrix of S.
     */
    static DMatrixRMaj rescaled(DMatrixRMaj matrix, double[] scales) {
        int p = scales.length;
        DMatrixRMaj rescaled = new DMatrixRMaj(p, p);
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                double scale = scales[r] * scales[c];
                rescaled.unsafe_set(r, c, scale == 0 ? 0 : matrix.unsafe_get(r, c) / scale);
            }
        }
        return rescaled;
    }

    /**
     * The moments of a regression of y on x in standardised form: x̃ⱼ = (xⱼ − x̄ⱼ)/sⱼ with sⱼ the
     * population standard deviation √(Sⱼⱼ/n) when {@code standardize}, else sⱼ = 1 (only centred);
     * ỹ = y − ȳ. A constant input has sⱼ = 0 and a zero row and column in G.
     *
     * @param gram G = X̃ᵀX̃/n (the correlation, or covariance, matrix)
     * @param cross c = X̃ᵀỹ/n
     * @param scales the sⱼ
     * @param targetVariance ỹᵀỹ/n
     */
    record Standardised(DMatrixRMaj gram, double[] cross, double[] scales, double targetVariance) {

        /** β = w/s: weights on x̃ in the units of x (0 for a constant input). */
        double[] unscaled(double[] weights) {
            double[] beta = new double[weights.length];
            for (int j = 0; j < beta.length; j++) {
                beta[j] = scales[j] == 0 ? 0 : weights[j] / scales[j];
            }
            return beta;
        }
    }

    static Standardised standardised(Moments moments, int[] inputs, int target,
                                     boolean standardize) {
        double n = moments.count();
        DMatrixRMaj scatter = scatter(moments, inputs);
        double[] roots = rootDiagonal(scatter);
        double[] cross = crossScatter(moments, inputs, target);
        double[] scales = new double[inputs.length];
        double[] scaledCross = new double[inputs.length];
        for (int j = 0; j < scales.length; j++) {
            scales[j] = !standardize ? 1 : roots[j] / Math.sqrt(n);
            scaledCross[j] = scales[j] == 0 ? 0 : cross[j] / scales[j] / n;
        }
        return new Standardised(divided(rescaled(scatter, scales), n), scaledCross, scales,
                moments.m2(target) / n);
    }

    /** M / divisor, a new matrix. */
    static DMatrixRMaj divided(DMatrixRMaj matrix, double divisor) {
        DMatrixRMaj divided = matrix.copy();
        for (int k = 0; k < divided.data.length; k++) {
            divided.data[k] /= divisor;
        }
        return divided;
    }

    /** M·v for a square M. */
    static double[] times(DMatrixRMaj matrix, double[] vector) {
        double[] product = new double[matrix.numRows];
        for (int r = 0; r < matrix.numRows; r++) {
            double sum = 0;
            for (int c = 0; c < matrix.numCols; c++) {
                sum += matrix.unsafe_get(r, c) * vector[c];
            }
            product[r] = sum;
        }
        return product;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
