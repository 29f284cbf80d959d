package io.smlfusion.engine.model;

import java.util.List;

/**
 * A model built from project statistics: immutable and safe to share between threads. It predicts
 * from a row of its {@linkplain #inputs() inputs} in their order, describes itself for a
 * ModelInfo, and is written and read by {@link ModelCodec}.
 */
public abstract sealed class Model
        permits LinearRegressionModel, LinearDiscriminantModel, NaiveBayesModel,
        DiscriminantScoresModel, CovarianceModel, HistogramAnomalyModel, EcodModel,
        ResidualPcaModel {

    private final ModelSignature signature;
    private final ModelDescription description;

    Model(ModelSignature signature, ModelDescription description) {
        this.signature = signature;
        this.description = description;
    }

    public ModelAlgorithm algorithm() {
        return signature.algorithm();
    }

    public ModelSignature signature() {
        return signature;
    }

    /** The attributes a prediction row holds, in order. */
    public List<String> inputs() {
        return signature.inputs();
    }

    public List<String> targets() {
        return signature.targets();
    }

    /** The mean of each input over the training rows, the default value of a missing input. */
    public double[] inputMeans() {
        return signature.inputMeans();
    }

    public ModelDescription description() {
        return description;
    }

    /**
     * The outputs for one row; their keys are {@code description().predictInfo()}.
     *
     * @param row one finite value per input, in the order of {@link #inputs()}
     * @throws IllegalArgumentException when the row has the wrong length or a value is not finite
     *     (the message names the input)
     */
    public final Prediction predict(double[] row) {
        List<String> inputs = inputs();
        if (row.length != inputs.size()) {
            throw new IllegalArgumentException("a row for this model holds " + inputs.size()
                    + " values (" + String.join(", ", inputs) + "), not " + row.length);
        }
        for (int i = 0; i < row.length; i++) {
            if (!Double.isFinite(row[i])) {
                throw new IllegalArgumentException("input '" + inputs.get(i) + "': " + row[i]
                        + " is not a finite number");
            }
        }
        return score(row);
    }

    /** The outputs for a validated row. */
    abstract Prediction score(double[] row);

    /** Writes what {@link ModelCodec} needs beyond the signature and description. */
    abstract void writeParameters(ModelWriter out);
}
