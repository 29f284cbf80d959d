package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.testdata.ReferenceCsv;

/**
 * bank-fed3 of ../shared/data (too large for the repository, see examples/data/README.md): the union of its three cells (n = 26168; target {@code target},
 * 51 inputs whose one-hot groups are exactly collinear) and its test file. Columns holding only 0
 * and 1 are typed B.
 */
final class Bank {

    static final ReferenceCsv PART1 = ReferenceCsv.read("bank-fed3", "bank1.csv");
    static final ReferenceCsv PART2 = ReferenceCsv.read("bank-fed3", "bank2.csv");
    static final ReferenceCsv PART3 = ReferenceCsv.read("bank-fed3", "bank3.csv");
    static final ReferenceCsv TEST = ReferenceCsv.read("bank-fed3", "bank_test.csv");
    static final List<AttributeType> TYPES = types(PART1, PART2, PART3);
    static final ProjectStatistics UNION = ReferenceCsv.learn(TYPES, PART1, PART2, PART3);
    static final String TARGET = "target";
    static final List<String> INPUTS = PART1.namesExcept(TARGET);

    private Bank() {
    }

    static Model build(ModelAlgorithm algorithm, ModelOptions options) {
        return ModelBuilder.build(UNION, new ModelSpec(algorithm, List.of(TARGET), INPUTS, options));
    }

    /**
     * The area under the ROC curve of the score {@code key} on bank_test.csv, by the
     * Mann–Whitney rank formula AUC = (R₁ − n₁(n₁ + 1)/2)/(n₁n₀) with mid-ranks for ties.
     */
    static double testAuc(Model model, String key) {
        int target = TEST.column(TARGET);
        int rows = TEST.rows().size();
        double[][] scored = new double[rows][];
        for (int r = 0; r < rows; r++) {
            scored[r] = new double[] {model.predict(TEST.values(r, model.inputs())).number(key),
                TEST.rows().get(r)[target]};
        }
        Arrays.sort(scored, (a, b) -> Double.compare(a[0], b[0]));
        double positiveRanks = 0;
        long positives = 0;
        for (int start = 0; start < rows; ) {
            int end = start;
            while (end < rows && scored[end][0] == scored[start][0]) {
                end++;
            }
            double midRank = (start + 1 + end) / 2.0;
            for (int r = start; r < end; r++) {
                if (scored[r][1] == 1) {
                    positiveRanks += midRank;
                    positives++;
                }
            }
            start = end;
        }
        double negatives = rows - positives;
        return (positiveRanks - positives * (positives + 1) / 2.0) / (positives * negatives);
    }

    private static List<AttributeType> types(ReferenceCsv... files) {
        List<AttributeType> types = new ArrayList<>();
        for (int c = 0; c < files[0].names().size(); c++) {
            int column = c;
            boolean binary = Arrays.stream(files).flatMap(file -> file.rows().stream())
                    .allMatch(row -> row[column] == 0 || row[column] == 1);
            types.add(binary ? AttributeType.BINARY : AttributeType.CONTINUOUS);
        }
        return types;
    }
}
