package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code lda} and {@code bayes} on bank-fed3 (26168 training rows, rank-deficient one-hot
 * inputs) against the reference figures of examples/data/README.md: the AUC on bank_test.csv within 0.005 of
 * scikit-learn's (LDA 0.909000, Gaussian naive Bayes 0.815785).
 */
class BinaryClassifierTest {

    @Test
    void ldaReachesTheReferenceAucDespiteCollinearOneHotGroups() {
        Model model = Bank.build(ModelAlgorithm.LDA, ModelOptions.none());
        double auc = Bank.testAuc(model, "normZ");
        assertEquals(0.909000, auc, 0.005, "LDA AUC " + auc);
        Map<String, String> info = model.description().info();
        assertTrue(Integer.parseInt(info.get("rank")) < 51, "rank " + info.get("rank"));
        for (double w : ((LinearDiscriminantModel) model).direction()) {
            assertTrue(Double.isFinite(w));
        }
        assertEquals(List.of("res", "resZ", "z0", "normZ", "resU", "z1LTz0"),
                model.description().predictInfo());
        assertEquals(List.of("normZ"), model.description().scoreInfo());
    }

    @Test
    void ldaOutputsAgreeWithEachOther() {
        Model model = Bank.build(ModelAlgorithm.LDA, ModelOptions.none());
        Prediction prediction = model.predict(Bank.TEST.values(0, Bank.INPUTS));
        double resZ = prediction.number("resZ");
        double z0 = prediction.number("z0");
        assertEquals("false", prediction.text("z1LTz0"));
        assertEquals(resZ > z0 ? "1" : "0", prediction.text("res"));
        double prior1 = Double.parseDouble(model.description().info().get("prior1"));
        double logOdds = resZ - z0 + Math.log(prior1 / (1 - prior1));
        assertEquals(1 / (1 + Math.exp(-logOdds)), prediction.number("normZ"), 1e-12);
        assertEquals(logOdds > 0 ? "1" : "0", prediction.text("resU"));
    }

    @Test
    void ldaWithoutPseudoInverseNamesTheCollinearAttributes() {
        ModelBuildException error = assertThrows(ModelBuildException.class, () -> Bank.build(
                ModelAlgorithm.LDA, ModelOptions.of(Map.of("matrix_use_pseudoinv", "false"))));
        String message = error.getMessage();
        assertTrue(message.startsWith("the inputs are collinear: their matrix has rank "), message);
        for (String member : List.of("job_admin.", "job_unknown", "marital_single", "default_no",
                "default_yes", "month_sep", "poutcome_unknown")) {
            assertTrue(message.contains(member), member + " in " + message);
        }
        for (String independent : List.of("age", "balance", "duration", "campaign", "pdays")) {
            assertTrue(!message.contains(" " + independent + ","), independent + " in " + message);
        }
    }

    @Test
    void ldaWithShrunkCovarianceIsFullRank() {
        Model model = Bank.build(ModelAlgorithm.LDA,
                ModelOptions.of(Map.of("estimate_type", "l2_reg_sig")));
        Map<String, String> info = model.description().info();
        assertEquals("l2_reg_sig", info.get("estimate_type"));
        assertEquals("51", info.get("rank"));
        double shrinkage = Double.parseDouble(info.get("lambda"));
        assertTrue(shrinkage > 0 && shrinkage < 1, "OAS shrinkage " + shrinkage);
        assertTrue(Bank.testAuc(model, "normZ") > 0.85);
    }

    @Test
    void naiveBayesReachesTheReferenceAuc() {
        Model model = Bank.build(ModelAlgorithm.BAYES, ModelOptions.none());
        double auc = Bank.testAuc(model, "Prob");
        assertEquals(0.815785, auc, 0.005, "naive Bayes AUC " + auc);
        assertEquals(List.of("res", "Prob"), model.description().predictInfo());
    }

    @Test
    void naiveBayesDirectProductsAgreeWhereTheyDoNotUnderflow() {
        Model logSpace = Bank.build(ModelAlgorithm.BAYES, ModelOptions.none());
        Model direct = Bank.build(ModelAlgorithm.BAYES,
                ModelOptions.of(Map.of("use_log_likelihood", "false")));
        for (int r = 0; r < 50; r++) {
            double[] row = Bank.TEST.values(r, Bank.INPUTS);
            assertEquals(logSpace.predict(row).number("Prob"), direct.predict(row).number("Prob"),
                    1e-9);
        }
    }
}
