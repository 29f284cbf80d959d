package io.smlfusion.ingest;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a prediction DataFrame as the values of a model's inputs, in the model's input
 * order, with the inputs each row lacks flagged missing (to be imputed), and the text of the kept
 * columns. Immutable.
 */
public final class PredictionRows {

    private final List<String> inputs;
    private final int rowCount;
    private final double[] values;
    private final boolean[] missing;
    private final List<String> keptColumns;
    private final String[] kept;

    PredictionRows(List<String> inputs, int rowCount, double[] values, boolean[] missing,
                   List<String> keptColumns, String[] kept) {
        this.inputs = List.copyOf(inputs);
        this.rowCount = rowCount;
        this.values = values;
        this.missing = missing;
        this.keptColumns = List.copyOf(keptColumns);
        this.kept = kept;
    }

    public List<String> inputs() {
        return inputs;
    }

    public int rowCount() {
        return rowCount;
    }

    /** The input values of {@code row}; a missing one holds NaN. A copy. */
    public double[] values(int row) {
        int width = inputs.size();
        return Arrays.copyOfRange(values, row * width, (row + 1) * width);
    }

    /** Which inputs {@code row} lacks. A copy. */
    public boolean[] missing(int row) {
        int width = inputs.size();
        return Arrays.copyOfRange(missing, row * width, (row + 1) * width);
    }

    /** Whether {@code row} lacks any input. */
    public boolean anyMissing(int row) {
        int width = inputs.size();
        for (int k = row * width; k < (row + 1) * width; k++) {
            if (missing[k]) {
                return true;
            }
        }
        return false;
    }

    /** The text of each kept column in {@code row} (an empty string for a null cell), in keep order. */
    public Map<String, String> kept(int row) {
        if (keptColumns.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (int k = 0; k < keptColumns.size(); k++) {
            String text = kept[row * keptColumns.size() + k];
            texts.put(keptColumns.get(k), text == null ? "" : text);
        }
        return texts;
    }
}
