package io.smlfusion.engine.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code selector_type}: how model selection searches the subsets of the inputs (see {@link SubsetSearch}). */
public enum SelectorType {
    /** Stepwise: a forward pass, then a backward pass, repeated up to {@code selector_max_iterations} (5) times. */
    FW_BW("selector_type_fw_bw", 5),
    /** Forward selection: add the best input while the score improves. */
    SIMPLE("selector_type_simple", 0),
    /** Every non-empty subset, when there are at most the server's bound of them. */
    BRUTE("selector_type_brute", 0),
    /** {@code selector_max_iterations} (100) random subsets drawn with {@code rnd_seed}. */
    ITERATION("selector_type_iteration", 100);

    private final String id;
    private final int defaultIterations;

    SelectorType(String id, int defaultIterations) {
        this.id = id;
        this.defaultIterations = defaultIterations;
    }

    public String id() {
        return id;
    }

    int defaultIterations() {
        return defaultIterations;
    }

    /**
     * @throws ModelBuildException naming the supported selectors
     */
    static SelectorType forId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst().orElseThrow(() ->
                new ModelBuildException("extraParameters.selector_type = '" + id + "' is not supported; use "
                        + Arrays.stream(values()).map(SelectorType::id).collect(Collectors.joining(", "))));
    }
}
