package io.smlfusion.engine.model;

import java.util.Set;

/**
 * The selection parameters of a {@code selectModel} or {@code autoSelect} request (spec §8.3),
 * read from its {@code extraParameters} and bounded by the server's {@link SelectionLimits}.
 *
 * @param threads candidates scored at once: {@code autoselect_thread_pool_size} (8), at most the server's
 * @param maxIterations {@code selector_max_iterations}: fw_bw passes (5) or random subsets (100)
 * @param maxMillis {@code selector_max_seconds} × 1000, at most the server's
 * @param seed {@code rnd_seed} (42), for {@code selector_type_iteration}
 */
public record SelectionSettings(SelectorType selector, int maxIterations, GridType grid, int threads,
                                Assessment assessment, long seed, long maxMillis, SelectionLimits limits) {

    /** The keys read here; a model is built without them. */
    static final Set<String> KEYS = Set.of("selector_type", "selector_max_iterations", "selector_max_seconds",
            "autoselect_grid_type", "autoselect_thread_pool_size", "sml_model_assessment_type", "rnd_seed");

    static final int DEFAULT_THREADS = 8;
    static final long DEFAULT_SEED = 42;

    /**
     * @throws ModelBuildException naming the parameter whose value is not accepted
     */
    public static SelectionSettings of(ModelOptions options, SelectionTask task, boolean withValidation,
                                       SelectionLimits limits) {
        SelectorType selector = SelectorType.forId(options.text("selector_type", SelectorType.FW_BW.id()));
        int iterations = options.wholeNumber("selector_max_iterations", Math.max(selector.defaultIterations(), 1), 1);
        GridType grid = GridType.forId(options.text("autoselect_grid_type", GridType.TINY.id()));
        int threads = Math.min(options.wholeNumber("autoselect_thread_pool_size", DEFAULT_THREADS, 1), limits.maxThreads());
        Assessment assessment = Assessment.resolve(options.text("sml_model_assessment_type"), task, withValidation);
        long seed = seed(options);
        long seconds = options.wholeNumber("selector_max_seconds", Integer.MAX_VALUE, 1);
        long maxMillis = Math.min(seconds * 1000, limits.maxMillis());
        return new SelectionSettings(selector, iterations, grid, threads, assessment, seed, maxMillis, limits);
    }

    private static long seed(ModelOptions options) {
        String value = options.text("rnd_seed");
        if (value == null) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ModelOptions.invalid("rnd_seed", value, "is not a whole number");
        }
    }
}
