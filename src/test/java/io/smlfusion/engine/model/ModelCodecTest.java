package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.ProjectStatistics;

/** Round trips and refusals of the versioned model format. */
class ModelCodecTest {

    private static List<Model> everyKind() {
        ProjectStatistics histograms = new ProjectStatistics(false, true);
        histograms.learn(Housing.PART1.block(Housing.TYPES, null));
        return List.of(
                Housing.mlr(ModelOptions.none()),
                Housing.build(ModelAlgorithm.ELASTICNET,
                        ModelOptions.of(Map.of("lambda", "0.2", "eta", "0.5"))),
                Housing.build(ModelAlgorithm.PCR, ModelOptions.of(Map.of("q", "4"))),
                ModelBuilder.build(Housing.UNION, new ModelSpec(ModelAlgorithm.COVEST, List.of(),
                        Housing.INPUTS, ModelOptions.none())),
                Bank.build(ModelAlgorithm.LDA, ModelOptions.none()),
                Bank.build(ModelAlgorithm.BAYES, ModelOptions.none()),
                DiscriminantScoresTest.build(ModelAlgorithm.MLDA),
                DiscriminantScoresTest.build(ModelAlgorithm.MQDA),
                Housing.build(ModelAlgorithm.PLSQ, ModelOptions.of(Map.of("q", "3"))),
                ModelBuilder.build(Housing.UNION, new ModelSpec(ModelAlgorithm.OOSPCA, List.of(),
                        Housing.INPUTS, ModelOptions.none())),
                ModelBuilder.build(histograms, new ModelSpec(ModelAlgorithm.HBA, List.of(),
                        Housing.INPUTS, ModelOptions.none())),
                ModelBuilder.build(histograms, new ModelSpec(ModelAlgorithm.ECOD, List.of(),
                        Housing.INPUTS, ModelOptions.none())));
    }

    @Test
    void everyKindOfModelRoundTripsBitExactly() throws ModelFormatException {
        for (Model model : everyKind()) {
            byte[] bytes = ModelCodec.encode(model);
            Model read = ModelCodec.decode(bytes);
            String kind = model.algorithm().id();
            assertEquals(model.getClass(), read.getClass(), kind);
            assertEquals(model.signature().algorithm(), read.signature().algorithm(), kind);
            assertEquals(model.inputs(), read.inputs(), kind);
            assertEquals(model.targets(), read.targets(), kind);
            assertArrayEquals(model.inputMeans(), read.inputMeans(), kind);
            assertEquals(model.description().info(), read.description().info(), kind);
            assertEquals(model.description().predictInfo(), read.description().predictInfo());
            assertEquals(model.description().scoreInfo(), read.description().scoreInfo());
            assertEquals(model.description().extra().keySet(),
                    read.description().extra().keySet(), kind);
            model.description().extra().forEach((name, table) ->
                    assertEquals(table.rows(), read.description().extra().get(name).rows()));
            double[] row = model.inputMeans();
            row[0] += 1;
            assertEquals(model.predict(row).asText(), read.predict(row).asText(), kind);
            assertArrayEquals(bytes, ModelCodec.encode(read), kind);
        }
    }

    @Test
    void unknownVersionIsRefusedWithTheVersionNamed() {
        byte[] bytes = ModelCodec.encode(Housing.mlr(ModelOptions.none()));
        bytes[4] = 3;
        ModelFormatException error = assertThrows(ModelFormatException.class,
                () -> ModelCodec.decode(bytes));
        assertEquals("model format version 3 is not supported; this server reads versions 1 and 2",
                error.getMessage());
    }

    @Test
    void otherBytesAreNotAModel() {
        ModelFormatException error = assertThrows(ModelFormatException.class,
                () -> ModelCodec.decode("SMLF....".getBytes()));
        assertTrue(error.getMessage().startsWith("not an sml-fusion model"), error.getMessage());
        assertThrows(ModelFormatException.class, () -> ModelCodec.decode(new byte[0]));
    }

    @Test
    void everyTruncationIsAFormatError() {
        for (Model model : List.of(Housing.mlr(ModelOptions.none()),
                DiscriminantScoresTest.build(ModelAlgorithm.MQDA))) {
            byte[] bytes = ModelCodec.encode(model);
            for (int length = 0; length < bytes.length; length++) {
                byte[] prefix = Arrays.copyOf(bytes, length);
                assertThrows(ModelFormatException.class, () -> ModelCodec.decode(prefix),
                        "prefix of " + length + " bytes");
            }
        }
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] bytes = ModelCodec.encode(Housing.mlr(ModelOptions.none()));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        ModelFormatException error = assertThrows(ModelFormatException.class,
                () -> ModelCodec.decode(longer));
        assertEquals("3 unexpected bytes after the end of the model at byte " + bytes.length,
                error.getMessage());
    }
}
