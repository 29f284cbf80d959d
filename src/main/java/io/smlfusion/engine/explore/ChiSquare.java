package io.smlfusion.engine.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smlfusion.engine.stats.Schema;

/**
 * {@code chi2}: Pearson's χ² test of independence on a table of observed counts O (spec §7.2, §7.3,
 * §7.6): {@code chiStat} = Σ(O − E)²/E with E = rowTotal·columnTotal/N, {@code df} = (r−1)(c−1),
 * {@code pval} = P(χ²(df) ≥ chiStat), {@code coef} = Tschuprow's T = √(χ²/(N·√((r−1)(c−1))))
 * (Tschuprow, "Principles of the Mathematical Theory of Correlation", 1939; the product's samples
 * match it, spec §7.6), and every observed count as {@code obs$<row>:<column>}. The table is
 * either
 * <ul>
 * <li>binary × binary: {@code inputAttributes} ≥ 2 binary attributes (rows), {@code targets} ≥ 2
 *     binary attributes (columns), O = co-occurrence counts C (spec §10.2), keys
 *     {@code obs$<inputIndex>:<targetIndex>}; or</li>
 * <li>categories × values: {@code inputAttributes} = names of categories (T columns, learned as
 *     binary attributes {@code <category>$<value>}), no targets; rows are the categories, columns
 *     the union of their values, O = the number of rows with that value, keys
 *     {@code obs$<category>:<value>} — a test that the categories share one distribution.</li>
 * </ul>
 * Empty rows and columns are reported in {@code obs$…} but left out of the test.
 */
final class ChiSquare {

    static final String CATEGORY_SEPARATOR = "$";

    private ChiSquare() {
    }

    static Map<String, Double> compute(Selection selection) {
        Map<String, Double> observed = new LinkedHashMap<>();
        double[][] counts = categoryLayout(selection) ? categories(selection, observed) : binaries(selection, observed);
        ContingencyTable table = new ContingencyTable(counts);
        double chiSquare = table.chiSquare();
        double df = table.degreesOfFreedom();
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("chiStat", chiSquare);
        result.put("df", df);
        result.put("pval", Probabilities.upperChiSquared(chiSquare, df));
        result.put("coef", Math.sqrt(chiSquare / (table.total() * Math.sqrt(df))));
        result.putAll(observed);
        return result;
    }

    /** Inputs that are all names of no attribute, and no targets: the categories layout. */
    private static boolean categoryLayout(Selection selection) {
        List<String> texts = selection.inputTexts();
        Schema schema = selection.schema();
        return !selection.hasTargets() && !texts.isEmpty()
                && texts.stream().allMatch(text -> !Selection.isIndex(text) && schema.indexOf(text) < 0);
    }

    private static double[][] binaries(Selection selection, Map<String, Double> observed) {
        int[] rows = selection.inputs();
        int[] columns = selection.targets();
        if (rows.length < 2 || columns.length < 2 || !selection.allBinary(rows) || !selection.allBinary(columns)) {
            throw selection.expected("inputAttributes of >= 2 binary attributes and targets of >= 2 binary attributes,"
                    + " or inputAttributes naming >= 2 categories (T columns) without targets");
        }
        MomentSums sums = selection.sums();
        double[][] counts = new double[rows.length][columns.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                counts[r][c] = sums.crossSum(rows[r], columns[c]);
                observed.put("obs$" + rows[r] + ":" + columns[c], counts[r][c]);
            }
        }
        return counts;
    }

    private static double[][] categories(Selection selection, Map<String, Double> observed) {
        List<String> categories = selection.inputTexts().stream().map(String::strip).toList();
        if (categories.size() < 2) {
            throw selection.expected("inputAttributes naming >= 2 categories");
        }
        Schema schema = selection.schema();
        List<String> values = new ArrayList<>();
        for (String category : categories) {
            List<String> own = valuesOf(schema, category);
            if (own.isEmpty()) {
                throw new ExploreException("chi2: '" + category + "' is neither an attribute nor a category of this"
                        + " project (no attribute is named " + category + CATEGORY_SEPARATOR + "<value>)");
            }
            own.stream().filter(value -> !values.contains(value)).forEach(values::add);
        }
        MomentSums sums = selection.sums();
        double[][] counts = new double[categories.size()][values.size()];
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < values.size(); c++) {
                int attribute = schema.indexOf(categories.get(r) + CATEGORY_SEPARATOR + values.get(c));
                counts[r][c] = attribute < 0 ? 0 : sums.sum(attribute);
                observed.put("obs$" + categories.get(r) + ":" + values.get(c), counts[r][c]);
            }
        }
        return counts;
    }

    /** The values of {@code category}, in schema order. */
    private static List<String> valuesOf(Schema schema, String category) {
        String prefix = category + CATEGORY_SEPARATOR;
        return schema.names().stream().filter(name -> name.startsWith(prefix))
                .map(name -> name.substring(prefix.length())).toList();
    }
}
