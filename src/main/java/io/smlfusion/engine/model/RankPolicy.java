package io.smlfusion.engine.model;

/**
 * How a model treats a singular matrix (spec §8.2): {@code matrix_use_pseudoinv} (default true)
 * uses the SVD pseudo-inverse, otherwise the build fails naming the collinear attributes;
 * {@code sml_rcond_tolerance} (default 1e-14) is the relative tolerance below which a singular
 * value of the standardised matrix counts as zero (see {@link ScatterInverse}).
 */
record RankPolicy(boolean pseudoInverse, double tolerance) {

    static final double DEFAULT_TOLERANCE = 1e-14;

    static RankPolicy from(ModelOptions options) {
        return new RankPolicy(options.flag("matrix_use_pseudoinv", true),
                options.number("sml_rcond_tolerance", DEFAULT_TOLERANCE, 0, 0.5));
    }
}
