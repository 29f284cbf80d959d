package io.smlfusion.engine.model;

import java.util.List;

/**
 * What a model predicts from and what: its algorithm, target and input names, and the mean of
 * every input over the rows it was built from (the default imputation of a missing input, spec
 * §9). Immutable.
 */
public record ModelSignature(ModelAlgorithm algorithm, List<String> targets, List<String> inputs,
                             double[] inputMeans) {

    public ModelSignature {
        targets = List.copyOf(targets);
        inputs = List.copyOf(inputs);
        inputMeans = inputMeans.clone();
        if (inputMeans.length != inputs.size()) {
            throw new IllegalArgumentException(inputMeans.length + " means for " + inputs.size()
                    + " inputs");
        }
    }

    @Override
    public double[] inputMeans() {
        return inputMeans.clone();
    }
}
