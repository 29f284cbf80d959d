package io.smlfusion.engine.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * A two-way table of counts, the common ground of {@code chi2} and {@code gain}. Rows and columns
 * that hold no count are left out of every statistic (they carry no information and would make
 * an expected count 0).
 */
final class ContingencyTable {

    private static final double LN_2 = Math.log(2);

    private final double[][] counts;

    ContingencyTable(double[][] counts) {
        this.counts = nonEmpty(counts);
    }

    /**
     * The co-occurrence counts of binary indicators, cell (r, c) = Σ rowᵣ·columnₙ = Cᵣₙ (spec
     * §10.2). A side holding a single indicator b stands for its two levels, b = 1 and b = 0; the
     * counts involving b = 0 follow by inclusion–exclusion from n, S1 and C.
     */
    static ContingencyTable ofIndicators(MomentSums sums, int[] rows, int[] columns) {
        List<Level> rowLevels = levels(rows);
        List<Level> columnLevels = levels(columns);
        double[][] counts = new double[rowLevels.size()][columnLevels.size()];
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts[r].length; c++) {
                counts[r][c] = cooccurrences(sums, rowLevels.get(r), columnLevels.get(c));
            }
        }
        return new ContingencyTable(counts);
    }

    /** N, the sum of every cell. */
    double total() {
        double total = 0;
        for (double[] row : counts) {
            for (double count : row) {
                total += count;
            }
        }
        return total;
    }

    /** (r − 1)(c − 1) over the non-empty rows and columns. */
    double degreesOfFreedom() {
        return (counts.length - 1.0) * (columnCount() - 1.0);
    }

    /** Pearson's χ² = Σ(O − E)²/E with E = rowTotal·columnTotal/N (no continuity correction). */
    double chiSquare() {
        double[] rowTotals = rowTotals();
        double[] columnTotals = columnTotals();
        double total = total();
        double statistic = 0;
        for (int r = 0; r < counts.length; r++) {
            for (int c = 0; c < counts[r].length; c++) {
                double expected = rowTotals[r] * columnTotals[c] / total;
                double difference = counts[r][c] - expected;
                statistic += difference * difference / expected;
            }
        }
        return statistic;
    }

    /** H(columns), the entropy of the column totals in bits. */
    double columnEntropy() {
        return entropy(columnTotals());
    }

    /** H(rows), the entropy of the row totals in bits. */
    double rowEntropy() {
        return entropy(rowTotals());
    }

    /** H(columns | rows) = Σᵣ (rowTotalᵣ/N)·H(row r), in bits. */
    double columnEntropyGivenRows() {
        double total = total();
        double conditional = 0;
        for (double[] row : counts) {
            double rowTotal = sum(row);
            conditional += rowTotal / total * entropy(row);
        }
        return conditional;
    }

    private int columnCount() {
        return counts.length == 0 ? 0 : counts[0].length;
    }

    private double[] rowTotals() {
        double[] totals = new double[counts.length];
        for (int r = 0; r < counts.length; r++) {
            totals[r] = sum(counts[r]);
        }
        return totals;
    }

    private double[] columnTotals() {
        double[] totals = new double[columnCount()];
        for (double[] row : counts) {
            for (int c = 0; c < row.length; c++) {
                totals[c] += row[c];
            }
        }
        return totals;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    /** −Σ pᵢ log₂ pᵢ of the distribution proportional to {@code counts}; empty cells add 0. */
    private static double entropy(double[] counts) {
        double total = sum(counts);
        double entropy = 0;
        for (double count : counts) {
            if (count > 0) {
                double p = count / total;
                entropy -= p * Math.log(p) / LN_2;
            }
        }
        return entropy;
    }

    private static double[][] nonEmpty(double[][] counts) {
        List<Integer> rows = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        int columnCount = counts.length == 0 ? 0 : counts[0].length;
        for (int r = 0; r < counts.length; r++) {
            if (sum(counts[r]) > 0) {
                rows.add(r);
            }
        }
        for (int c = 0; c < columnCount; c++) {
            double total = 0;
            for (double[] row : counts) {
                total += row[c];
            }
            if (total > 0) {
                columns.add(c);
            }
        }
        double[][] kept = new double[rows.size()][columns.size()];
        for (int r = 0; r < kept.length; r++) {
            for (int c = 0; c < kept[r].length; c++) {
                kept[r][c] = counts[rows.get(r)][columns.get(c)];
            }
        }
        return kept;
    }

    /** Rows where {@code attribute} is 1, or (complement) 0. */
    private record Level(int attribute, boolean complement) {
    }

    private static List<Level> levels(int[] indicators) {
        if (indicators.length == 1) {
            return List.of(new Level(indicators[0], false), new Level(indicators[0], true));
        }
        List<Level> levels = new ArrayList<>();
        for (int indicator : indicators) {
            levels.add(new Level(indicator, false));
        }
        return levels;
    }

    private static double cooccurrences(MomentSums sums, Level a, Level b) {
        double both = sums.crossSum(a.attribute(), b.attribute());
        if (!a.complement() && !b.complement()) {
            return both;
        }
        if (!a.complement()) {
            return sums.sum(a.attribute()) - both;
        }
        if (!b.complement()) {
            return sums.sum(b.attribute()) - both;
        }
        return sums.count() - sums.sum(a.attribute()) - sums.sum(b.attribute()) + both;
    }
}
