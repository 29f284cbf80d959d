package io.smlfusion.engine.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to build: the algorithm, the target and input attributes by name (the REST layer resolves
 * MLContext indexes to names), and the build options. The constructor checks what needs no
 * statistics; {@link ModelBuilder#build} checks the rest against the project.
 *
 * @param targets target attribute names: exactly one for the regressions, {@code lda} and
 *     {@code bayes}; none (or informative only) for {@code mlda}, {@code mqda} and {@code covest}
 * @param inputs input attribute names, at least one, each once; their order is the order of the
 *     row a model predicts from
 */
public record ModelSpec(ModelAlgorithm algorithm, List<String> targets, List<String> inputs,
                        ModelOptions options) {

    /**
     * @throws ModelBuildException when the algorithm is not supported, an attribute repeats, a
     *     target is also an input, or there is no input
     */
    public ModelSpec {
        Objects.requireNonNull(algorithm, "algorithm").requireSupported();
        targets = List.copyOf(targets);
        inputs = List.copyOf(inputs);
        options = Objects.requireNonNull(options, "options");
        if (inputs.isEmpty()) {
            throw new ModelBuildException(algorithm.id() + " needs at least one input attribute");
        }
        requireDistinct("input", inputs);
        requireDistinct("target", targets);
        for (String target : targets) {
            if (inputs.contains(target)) {
                throw new ModelBuildException("target '" + target + "' is also an input; "
                        + "a model cannot predict an attribute from itself");
            }
        }
    }

    private static void requireDistinct(String role, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new ModelBuildException(role + " attribute '" + name + "' is given twice");
            }
        }
    }
}
