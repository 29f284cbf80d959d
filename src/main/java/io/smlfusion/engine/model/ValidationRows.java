package io.smlfusion.engine.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An out-of-sample validation frame for model selection: the candidates' input columns (a missing
 * value is NaN, imputed by each model's training mean as {@code predict} does) and the target's
 * true value per row as text. Immutable.
 */
public final class ValidationRows {

    private final List<String> columns;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final double[][] rows;
    private final String[] truth;

    /**
     * @param columns the input names, in the order of each row's values
     * @param rows one value per column per row, NaN when missing
     * @param truth the target's text per row, never null or blank
     * @throws ModelBuildException when there is no row or a row has the wrong length
     */
    public ValidationRows(List<String> columns, double[][] rows, String[] truth) {
        this.columns = List.copyOf(columns);
        for (int c = 0; c < this.columns.size(); c++) {
            columnIndex.put(this.columns.get(c), c);
        }
        if (rows.length == 0) {
            throw new ModelBuildException("the validation frame has no row with a target value");
        }
        if (rows.length != truth.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + truth.length + " target values");
        }
        for (double[] row : rows) {
            if (row.length != this.columns.size()) {
                throw new IllegalArgumentException("a validation row holds " + row.length + " values, not "
                        + this.columns.size());
            }
        }
        this.rows = rows.clone();
        this.truth = truth.clone();
    }

    public int rowCount() {
        return rows.length;
    }

    /** The true values as numbers, for a regression or (with {@code binary}) a 0/1 classifier. */
    double[] numericTruth(String target, boolean binary) {
        double[] values = new double[truth.length];
        for (int r = 0; r < truth.length; r++) {
            try {
                values[r] = Double.parseDouble(truth[r].strip());
            } catch (NumberFormatException e) {
                values[r] = Double.NaN;
            }
            if (!Double.isFinite(values[r]) || binary && values[r] != 0 && values[r] != 1) {
                throw new ModelBuildException("validation frame row " + (r + 1) + ": target '" + target + "' is '"
                        + truth[r] + "', not " + (binary ? "0 or 1" : "a finite number"));
            }
        }
        return values;
    }

    String[] classTruth() {
        String[] classes = new String[truth.length];
        for (int r = 0; r < truth.length; r++) {
            classes[r] = truth[r].strip();
        }
        return classes;
    }

    /** The row as {@code model} reads it: its inputs in order, a missing one its training mean. */
    double[] rowFor(Model model, int[] columnsOfInputs, int r) {
        double[] means = model.inputMeans();
        double[] row = new double[columnsOfInputs.length];
        for (int k = 0; k < row.length; k++) {
            double value = rows[r][columnsOfInputs[k]];
            row[k] = Double.isNaN(value) ? means[k] : value;
        }
        return row;
    }

    /** Where each of the model's inputs is among the columns. */
    int[] columnsOf(Model model) {
        return model.inputs().stream().mapToInt(name -> {
            Integer column = columnIndex.get(name);
            if (column == null) {
                throw new IllegalArgumentException("input '" + name + "' is not a validation column");
            }
            return column;
        }).toArray();
    }
}
