package io.smlfusion.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The regression imputer against the {@code mlr} model of the missing attribute. */
class RegressionImputerTest {

    @Test
    void missingValueIsTheRegressionOnThePresentOnes() {
        List<String> others = new ArrayList<>(Housing.INPUTS);
        others.remove("RM");
        LinearRegressionModel rooms = (LinearRegressionModel) ModelBuilder.build(Housing.UNION,
                new ModelSpec(ModelAlgorithm.MLR, List.of("RM"), others, ModelOptions.none()));
        double[] row = Housing.TEST.values(3, Housing.INPUTS);
        boolean[] missing = new boolean[row.length];
        missing[Housing.INPUTS.indexOf("RM")] = true;
        double[] imputed = RegressionImputer.impute(Housing.UNION, Housing.INPUTS, row, missing);
        double expected = rooms.predict(Housing.TEST.values(3, others)).number("res");
        assertEquals(expected, imputed[Housing.INPUTS.indexOf("RM")], Math.abs(expected) * 1e-12);
        row[Housing.INPUTS.indexOf("RM")] = expected;
        assertArrayEquals(row, imputed, 1e-12);
    }

    @Test
    void nothingPresentImputesTheMeans() {
        double[] row = new double[Housing.INPUTS.size()];
        boolean[] missing = new boolean[row.length];
        java.util.Arrays.fill(missing, true);
        assertArrayEquals(Housing.mlr(ModelOptions.none()).inputMeans(),
                RegressionImputer.impute(Housing.UNION, Housing.INPUTS, row, missing), 1e-12);
    }
}
