package io.smlfusion.modelling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.smlfusion.engine.model.EvtSettings;
import io.smlfusion.engine.model.EvtThreshold;
import io.smlfusion.engine.model.Model;
import io.smlfusion.engine.model.ModelCodec;
import io.smlfusion.engine.model.ModelOptions;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.persistence.ModelEntity;
import io.smlfusion.project.ProjectModels;
import io.smlfusion.project.StoredModel;
import io.smlfusion.refusal.RequestRefused;

/** A project's models in memory ({@link ProjectModels}), as ModelInfo ({@link ModelInfo}) and as a database row ({@link ModelStore}). */
class StoredModelsTest {

    private static final Instant CREATED = Instant.parse("2024-05-01T10:15:30.123Z");
    private static ProjectStatistics housing;
    private static StoredModel mlr;

    @BeforeAll
    static void build() {
        housing = ModellingData.learned(ModellingData.HOUSING);
        Model model = ModellingData.build(housing, "mlr", "MEDV", List.of("RM", "LSTAT", "CRIM"),
                Map.of("sml_rcond_tolerance", "1e-12"));
        mlr = StoredModel.of("m1", model, ModelOptions.of(Map.of("sml_rcond_tolerance", "1e-12")),
                Map.of("svdreduce", "true"), CREATED, 1_234_567, housing.schema());
    }

    @Test
    void modelsKeepTheirOrderAndAnUnknownIdIsTheProductsError() {
        ProjectModels models = new ProjectModels();
        StoredModel second = renamed(mlr, "m2");
        models.put(mlr);
        models.put(second);
        models.put(renamed(mlr, "m1"));
        assertEquals(List.of("m2", "m1"), models.all().stream().map(StoredModel::id).toList(), "a replaced model moves last");
        assertFalse(models.replace(mlr, renamed(mlr, "m1")), "m1 was replaced meanwhile");
        assertTrue(models.replace(second, renamed(mlr, "m2")));
        assertTrue(models.remove("m2"));
        assertFalse(models.remove("m2"));
        RequestRefused unknown = assertThrows(RequestRefused.class, () -> models.require("m3"));
        assertEquals(RequestRefused.Reason.NOT_FOUND, unknown.reason());
        assertEquals("Generic Exception <Error no such model <m3>>", unknown.getMessage());
    }

    @Test
    void modelInfoHasExactlyTheProductsKeys() {
        Map<String, Object> info = ModelInfo.of(mlr);
        assertEquals(List.of("modelId", "modelType", "modelBuilt", "buildTime", "attributeNames", "attributeIndexes",
                "attributeTypes", "predictInfo", "scoreInfo", "targetNames", "targetindexes", "info", "creationDate",
                "extra"), List.copyOf(info.keySet()));
        assertEquals("mlr", info.get("modelType"));
        assertEquals(1.234567, (double) info.get("buildTime"), 1e-12);
        assertEquals(List.of("RM", "LSTAT", "CRIM"), info.get("attributeNames"));
        assertEquals(List.of(5, 12, 0), info.get("attributeIndexes"));
        assertEquals(List.of("C", "C", "C"), info.get("attributeTypes"));
        assertEquals(List.of("MEDV"), info.get("targetNames"));
        assertEquals(List.of(13), info.get("targetindexes"));
        assertEquals(List.of("res"), info.get("predictInfo"));
        assertEquals(CREATED.toEpochMilli(), info.get("creationDate"));
        @SuppressWarnings("unchecked")
        Map<String, String> entries = (Map<String, String>) info.get("info");
        assertEquals("OK", entries.get("buildStatus"));
        assertEquals("1234567", entries.get("buildTimeNanosec"));
        assertEquals("true", entries.get("svdreduce"));
        assertEquals(mlr.model().description().info().get("r2"), entries.get("r2"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> extra = (Map<String, Map<String, Object>>) info.get("extra");
        Map<String, Object> coefficients = extra.get("coefficients");
        assertEquals(List.of("attribute", "coefficient", "std.error", "scores", "p.values", "ci.low", "ci.high", "mean_MEDV"),
                coefficients.get("attributeNames"));
        assertEquals(List.of("S", "C", "C", "C", "C", "C", "C", "C"), coefficients.get("attributeTypes"));
        @SuppressWarnings("unchecked")
        List<List<String>> data = (List<List<String>>) coefficients.get("data");
        assertEquals(4, data.size());
        assertEquals("(Intercept)", data.get(0).get(0));
        assertEquals("RM", data.get(1).get(0));
    }

    @Test
    void aDatabaseRowGivesBackTheSameModel() throws Exception {
        ModelEntity row = ModelStore.entity("c1", "p1", mlr);
        assertEquals("m1", row.getModelId());
        assertEquals("mlr", row.getAlgorithm());
        assertArrayEquals(ModelCodec.encode(mlr.model()), row.getModel());
        StoredModel restored = ModelStore.restore(row);
        assertEquals(mlr.id(), restored.id());
        assertEquals(mlr.options().asMap(), restored.options().asMap());
        assertEquals(mlr.notes(), restored.notes());
        assertEquals(mlr.created(), restored.created());
        assertEquals(mlr.buildNanos(), restored.buildNanos());
        assertEquals(mlr.inputIndexes(), restored.inputIndexes());
        assertEquals(mlr.inputTypes(), restored.inputTypes());
        assertEquals(mlr.targetIndexes(), restored.targetIndexes());
        assertEquals(ModelInfo.of(mlr), ModelInfo.of(restored));
        double[] row0 = {6.5, 4.0, 0.1};
        assertEquals(mlr.model().predict(row0).asText(), restored.model().predict(row0).asText());
        assertEquals(mlr.spec().toString(), restored.spec().toString(), "rebuilds with the same algorithm, attributes and options");
    }

    @Test
    void aDatabaseRowKeepsTheStateOfTheEvtWrapper() throws Exception {
        EvtThreshold threshold = new EvtThreshold(EvtSettings.ofWrapper(Map.of("evt_warmup_size", "20",
                "evt_alpha", "0.01", "evt_quantile", "80"), "res", List.of("res")));
        StoredModel wrapped = mlr.withEvtThreshold(threshold);
        for (int k = 0; k < 25; k++) {
            threshold.observe(Math.sin(k) * 10);
        }
        StoredModel restored = ModelStore.restore(ModelStore.entity("c1", "p1", wrapped));
        assertEquals(ModelInfo.of(wrapped), ModelInfo.of(restored));
        assertEquals("25", restored.evtThreshold().describe().get("evt_values_seen"));
        for (int k = 25; k < 60; k++) {
            double value = k % 11 == 0 ? 30 : Math.sin(k) * 10;
            assertEquals(threshold.observe(value), restored.evtThreshold().observe(value), "value " + k);
        }
        assertEquals(null, ModelStore.restore(ModelStore.entity("c1", "p1", mlr)).evtThreshold());
    }

    private static StoredModel renamed(StoredModel model, String id) {
        return new StoredModel(id, model.model(), model.options(), model.notes(), model.created(), model.buildNanos(),
                model.inputIndexes(), model.inputTypes(), model.targetIndexes());
    }
}
