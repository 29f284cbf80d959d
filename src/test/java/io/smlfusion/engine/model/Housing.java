package io.smlfusion.engine.model;

import java.util.List;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.testdata.ReferenceCsv;

/** housing-fed3 of examples/data: the union of its three cells and its test file. */
final class Housing {

    static final ReferenceCsv PART1 = ReferenceCsv.read("housing-fed3", "housing1.csv");
    static final ReferenceCsv PART2 = ReferenceCsv.read("housing-fed3", "housing2.csv");
    static final ReferenceCsv PART3 = ReferenceCsv.read("housing-fed3", "housing3.csv");
    static final ReferenceCsv TEST = ReferenceCsv.read("housing-fed3", "housing_test.csv");
    static final List<AttributeType> TYPES = ReferenceCsv.continuous(PART1.names().size());
    static final ProjectStatistics UNION = ReferenceCsv.learn(TYPES, PART1, PART2, PART3);
    static final String TARGET = "MEDV";
    static final List<String> INPUTS = PART1.namesExcept(TARGET);

    private Housing() {
    }

    static ModelSpec spec(ModelAlgorithm algorithm, ModelOptions options) {
        return new ModelSpec(algorithm, List.of(TARGET), INPUTS, options);
    }

    static LinearRegressionModel build(ModelAlgorithm algorithm, ModelOptions options) {
        return (LinearRegressionModel) ModelBuilder.build(UNION, spec(algorithm, options));
    }

    static LinearRegressionModel mlr(ModelOptions options) {
        return build(ModelAlgorithm.MLR, options);
    }

    /** √(mean squared error) of the model's {@code res} over housing_test.csv. */
    static double testRmse(Model model) {
        double sum = 0;
        int target = TEST.column(TARGET);
        for (int r = 0; r < TEST.rows().size(); r++) {
            double error = model.predict(TEST.values(r, model.inputs())).number("res")
                    - TEST.rows().get(r)[target];
            sum += error * error;
        }
        return Math.sqrt(sum / TEST.rows().size());
    }
}
