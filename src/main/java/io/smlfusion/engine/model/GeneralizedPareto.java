package io.smlfusion.engine.model;

/**
 * A generalised Pareto distribution GPD(γ, σ) of excesses y ≥ 0 over a threshold,
 * P(Y &gt; y) = (1 + γy/σ)^(−1/γ) (exponential e^(−y/σ) at γ = 0), fitted by the method of moments
 * of J. R. M. Hosking, J. R. Wallis, "Parameter and quantile estimation for the generalized Pareto
 * distribution", Technometrics 29(3), 1987, §3: with the excesses' mean m and variance s²,
 * <pre>
 * γ = ½(1 − m²/s²),   σ = ½ m (1 + m²/s²)
 * </pre>
 * (valid for γ &lt; ½, where the variance exists). Moments need only the running sums Σy and Σy²,
 * so a streaming threshold refits in constant time per excess — the reason it is used here rather
 * than Grimshaw's maximum likelihood, which rereads every excess. With fewer than two excesses, or
 * all equal, the fit is the exponential of mean m (γ = 0, σ = m).
 *
 * @param shape γ
 * @param scale σ (&gt; 0 unless every excess is 0)
 */
record GeneralizedPareto(double shape, double scale) {

    /** Below this |γ| the exponential form is used (the general one loses every digit). */
    private static final double EXPONENTIAL = 1e-9;

    static GeneralizedPareto fit(long count, double sum, double sumOfSquares) {
        if (count == 0) {
            return new GeneralizedPareto(0, 0);
        }
        double mean = sum / count;
        double variance = count < 2 ? 0 : Math.max(0, (sumOfSquares - sum * mean) / (count - 1));
        if (variance <= 0 || mean <= 0) {
            return new GeneralizedPareto(0, mean);
        }
        double ratio = mean * mean / variance;
        return new GeneralizedPareto(0.5 * (1 - ratio), 0.5 * mean * (1 + ratio));
    }

    /**
     * The value exceeded with probability {@code risk} in a stream of {@code observations} values
     * of which {@code excesses} exceeded {@code threshold} (eq. 1 of A. Siffer, P.-A. Fouque,
     * A. Termier, C. Largouët, "Anomaly detection in streams with extreme value theory", KDD 2017):
     * z = t + σ/γ ((q n / Nₜ)^(−γ) − 1), or t − σ ln(q n / Nₜ) at γ = 0.
     */
    double quantile(double threshold, double risk, long observations, long excesses) {
        double ratio = risk * observations / excesses;
        if (Math.abs(shape) < EXPONENTIAL) {
            return threshold - scale * Math.log(ratio);
        }
        return threshold + scale / shape * (Math.pow(ratio, -shape) - 1);
    }
}
