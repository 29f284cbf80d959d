package io.smlfusion.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The model algorithm ids of the SymetryML API (spec §8.1). Every id is recognised; only the
 * algorithms whose model follows from the additive statistics of a project are
 * {@linkplain #isSupported() supported}. The others keep state of their own that grows with the
 * rows seen (online forests, single-pass logistic weights, cluster centroids, event tables,
 * sequence counts, sketches) or are not implemented yet, and are refused with
 * {@link #requireSupported()}'s message.
 */
public enum ModelAlgorithm {
    LDA("lda", null),
    MLDA("mlda", null),
    MQDA("mqda", null),
    MLR("mlr", null),
    RIDGE("ridge", null),
    LASSO("lasso", null),
    ELASTICNET("elasticnet", null),
    PCR("pcr", null),
    BAYES("bayes", null),
    COVEST("covest", null),
    LSVM("lsvm", Reason.NOT_IMPLEMENTED),
    LSVR("lsvr", Reason.NOT_IMPLEMENTED),
    PLSQ("plsq", null),
    POWERREG("powerreg", Reason.NOT_IMPLEMENTED),
    LR("lr", Reason.NOT_ADDITIVE),
    RF_CLASSIFIER("rf_classifier", Reason.NOT_ADDITIVE),
    RF_REGRESSOR("rf_regressor", Reason.NOT_ADDITIVE),
    RF_ANOMALY("rf_anomaly", Reason.NOT_ADDITIVE),
    KMEANS("kmeans", Reason.NOT_ADDITIVE),
    KM("km", Reason.NOT_ADDITIVE),
    MC("mc", Reason.NOT_ADDITIVE),
    HMM("hmm", Reason.NOT_ADDITIVE),
    OOSPCA("oospca", null),
    HBA("hba", null),
    ECOD("ecod", null),
    EVT("evt", Reason.NOT_ADDITIVE);

    private enum Reason {
        NOT_ADDITIVE("its state is not part of the additive project statistics"),
        NOT_IMPLEMENTED("it is not implemented by this server");

        private final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private final String id;
    private final Reason unsupported;

    ModelAlgorithm(String id, Reason unsupported) {
        this.id = id;
        this.unsupported = unsupported;
    }

    /** The {@code algo} value of the API, e.g. {@code "mlr"}. */
    public String id() {
        return id;
    }

    public boolean isSupported() {
        return unsupported == null;
    }

    /** The supported algorithms, in declaration order. */
    public static List<ModelAlgorithm> supported() {
        return Arrays.stream(values()).filter(ModelAlgorithm::isSupported).toList();
    }

    /**
     * The algorithm with this id (exact, lower case as the API spells it).
     *
     * @throws ModelBuildException "unknown algo 'x'; supported: lda, mlda, …"
     */
    public static ModelAlgorithm forId(String id) {
        for (ModelAlgorithm algorithm : values()) {
            if (algorithm.id.equals(id)) {
                return algorithm;
            }
        }
        throw new ModelBuildException("unknown algo '" + id + "'; supported: " + supportedIds());
    }

    /**
     * This algorithm, when supported.
     *
     * @throws ModelBuildException "algo 'kmeans' is not supported: its state is not part of the
     *     additive project statistics; supported: lda, mlda, …"
     */
    public ModelAlgorithm requireSupported() {
        if (unsupported != null) {
            throw new ModelBuildException("algo '" + id + "' is not supported: " + unsupported.text
                    + "; supported: " + supportedIds());
        }
        return this;
    }

    private static String supportedIds() {
        return supported().stream().map(ModelAlgorithm::id).collect(Collectors.joining(", "));
    }
}
