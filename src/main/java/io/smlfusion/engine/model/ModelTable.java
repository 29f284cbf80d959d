package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table of a model's {@code extra} map (spec §4.8, §8.5), e.g. the coefficient table of a
 * regression: a label column (usually {@code attribute}) and numeric value columns. The REST layer
 * sends it as a DataFrame of {@link #columns()} and {@link #rows()}. Immutable.
 *
 * @param labelColumn the name of the first column
 * @param valueColumns the names of the numeric columns
 * @param labels the first column, one label per row
 * @param values {@code values[row][column]}, one row per label
 */
public record ModelTable(String labelColumn, List<String> valueColumns, List<String> labels,
                         double[][] values) {

    public ModelTable {
        valueColumns = List.copyOf(valueColumns);
        labels = List.copyOf(labels);
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != valueColumns.size()) {
                throw new IllegalArgumentException("row " + r + " has " + values[r].length
                        + " values for " + valueColumns.size() + " columns");
            }
            copy[r] = values[r].clone();
        }
        if (copy.length != labels.size()) {
            throw new IllegalArgumentException(copy.length + " rows for " + labels.size() + " labels");
        }
        values = copy;
    }

    /** A table of one label per row and named columns of one value per label, in map order. */
    static ModelTable ofColumns(String labelColumn, List<String> labels,
                                Map<String, double[]> columns) {
        double[][] values = new double[labels.size()][columns.size()];
        int c = 0;
        for (double[] column : columns.values()) {
            for (int r = 0; r < values.length; r++) {
                values[r][c] = column[r];
            }
            c++;
        }
        return new ModelTable(labelColumn, new ArrayList<>(columns.keySet()), labels, values);
    }

    /** The value in {@code row} and the named value column. */
    public double value(int row, String column) {
        int index = valueColumns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + column + "' in " + valueColumns);
        }
        return values[row][index];
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            copy[r] = values[r].clone();
        }
        return copy;
    }

    /** The label column, then the value columns. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(valueColumns.size() + 1);
        columns.add(labelColumn);
        columns.addAll(valueColumns);
        return columns;
    }

    /** Each row as text: its label, then its values with full double precision. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>(labels.size());
        for (int r = 0; r < labels.size(); r++) {
            List<String> row = new ArrayList<>(valueColumns.size() + 1);
            row.add(labels.get(r));
            for (double value : values[r]) {
                row.add(Double.toString(value));
            }
            rows.add(List.copyOf(row));
        }
        return List.copyOf(rows);
    }
}
