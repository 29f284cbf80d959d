package io.smlfusion.engine.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.testdata.ReferenceCsv;

/**
 * The data of the explore tests: examples/data/iris/iris.csv (columns 0–3 continuous, the rest
 * binary) and a small table of three categories. The expected numbers in the tests come from
 * {@code src/test/resources/io/smlfusion/engine/explore/reference.py} (numpy/scipy on the raw rows).
 */
final class ExploreTestData {

    private ExploreTestData() {
    }

    static ProjectStatistics iris(boolean histograms) {
        ReferenceCsv iris = ReferenceCsv.read("iris", "iris.csv");
        List<AttributeType> types = new ArrayList<>();
        for (int c = 0; c < iris.names().size(); c++) {
            types.add(c < 4 ? AttributeType.CONTINUOUS : AttributeType.BINARY);
        }
        ProjectStatistics statistics = new ProjectStatistics(false, histograms);
        statistics.learn(iris.block(types, null));
        return statistics;
    }

    /** Three categories q1, q2, q3 learned as one-hot attributes; same rows as reference.py's category_rows. */
    static ProjectStatistics categories() {
        List<String> names = List.of("q1$a", "q1$b", "q1$c", "q2$a", "q2$b", "q2$c", "q3$a", "q3$b", "q3$d");
        int rows = 60;
        double[] values = new double[rows * names.size()];
        for (int r = 0; r < rows; r++) {
            String q1 = r % 3 == 0 ? "a" : r % 5 < 3 ? "b" : "c";
            String q2 = String.valueOf("abc".charAt((r * r + 1) % 3));
            String q3 = String.valueOf("abd".charAt((r / 4) % 3));
            values[r * names.size() + names.indexOf("q1$" + q1)] = 1;
            values[r * names.size() + names.indexOf("q2$" + q2)] = 1;
            values[r * names.size() + names.indexOf("q3$" + q3)] = 1;
        }
        ProjectStatistics statistics = new ProjectStatistics(false, false);
        statistics.learn(new DataBlock(names, names.stream().map(n -> AttributeType.BINARY).toList(), values, rows));
        return statistics;
    }

    static MLContext inputs(String... indexes) {
        return context(List.of(indexes), List.of(), Map.of());
    }

    static MLContext context(List<String> inputs, List<String> targets, Map<String, String> extra) {
        return new MLContext(targets, inputs, List.of(), List.of(), extra);
    }

    static Map<String, Double> explore(ProjectStatistics statistics, String metric, MLContext context) {
        return Exploration.explore(statistics, metric, List.of(context)).get(0);
    }

    /**
     * Every expected key, in this order, and nothing else, each value within {@code relative} of
     * the expected one (an exact 0 is compared with an absolute {@code relative}).
     */
    static void assertValues(Map<String, Double> actual, double relative, Object... keysAndValues) {
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            String key = (String) keysAndValues[k];
            keys.add(key);
            assertClose(((Number) keysAndValues[k + 1]).doubleValue(), actual.get(key), relative, key);
        }
        assertEquals(keys, new ArrayList<>(actual.keySet()), "keys");
    }

    static void assertClose(double expected, Double actual, double relative, String what) {
        assertTrue(actual != null, what + " is missing");
        double tolerance = relative * (expected == 0 ? 1 : Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tolerance,
                what + ": expected " + expected + " but was " + actual + " (relative " + relative + ")");
    }

    static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + " length: " + Arrays.toString(actual));
        for (int k = 0; k < expected.length; k++) {
            assertClose(expected[k], actual[k], relative, what + "[" + k + "]");
        }
    }
}
