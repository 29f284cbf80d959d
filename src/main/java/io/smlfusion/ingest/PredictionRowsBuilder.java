package io.smlfusion.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the cells of a prediction DataFrame into the values of a model's inputs (spec §9,
 * DESIGN §4), liberally:
 * <ul>
 * <li>a column whose name is an input gives that input's value, whatever its type code (types are
 *     advisory: a binary may be typed {@code C}, a number {@code B});</li>
 * <li>a column {@code attr} whose name is not an input, while inputs {@code attr$value} exist, is a
 *     category (as type {@code T} is learned): its trimmed, lower-cased value sets
 *     {@code attr$value} to 1 and the group's other inputs to 0 — a value the model has no input
 *     for sets them all to 0;</li>
 * <li>other columns, and columns typed {@code X}, are ignored (never parsed);</li>
 * <li>an empty or null cell, and an input no column gives, is missing: the caller imputes it.</li>
 * </ul>
 * A cell of an input that is not a finite number rejects the whole DataFrame, naming row and
 * column: predictions answer one map per row, so a row is never skipped ({@code errorHandling} is
 * read and ignored).
 */
final class PredictionRowsBuilder extends FrameSink<PredictionRows> {

    private static final String SEPARATOR = FrameBuilder.CATEGORY_SEPARATOR;

    private final List<String> names;
    private final List<String> inputs;
    private final List<String> keepColumns;
    /** per column: the input it gives, or -1 */
    private final int[] input;
    /** per column: value → input of a category column, or null */
    private final List<Map<String, Integer>> category = new ArrayList<>();
    /** per column: the slot in the kept columns, or -1 */
    private final int[] keepSlot;
    private final int width;

    private final double[] rowValues;
    private final boolean[] rowMissing;
    private final String[] rowKept;
    private int column;
    private int rowNumber;
    private String rowError;

    private double[] values = new double[256];
    private boolean[] missing = new boolean[256];
    private String[] kept = new String[0];
    private int rows;

    PredictionRowsBuilder(List<String> names, List<String> types, List<String> inputs, List<String> keepColumns) {
        if (names.isEmpty()) {
            throw new FrameException("DataFrame has no attributes");
        }
        if (types != null && types.size() != names.size()) {
            throw new FrameException("DataFrame has " + names.size() + " attributeNames but " + types.size() + " attributeTypes");
        }
        this.names = names;
        this.inputs = List.copyOf(inputs);
        this.keepColumns = List.copyOf(keepColumns);
        this.width = inputs.size();
        this.input = new int[names.size()];
        this.keepSlot = new int[names.size()];
        Map<String, Integer> inputIndex = new HashMap<>();
        for (int k = 0; k < width; k++) {
            inputIndex.put(inputs.get(k), k);
        }
        Set<String> seen = distinctNames(names);
        Set<Integer> direct = new HashSet<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            keepSlot[c] = this.keepColumns.indexOf(name);
            boolean ignored = types != null && "X".equalsIgnoreCase(String.valueOf(types.get(c)).trim());
            Integer k = ignored ? null : inputIndex.get(name);
            input[c] = k == null ? -1 : k;
            if (k != null) {
                direct.add(k);
            }
        }
        for (String keep : this.keepColumns) {
            if (!seen.contains(keep)) {
                throw new FrameException("keepColumns names '" + keep + "', which is not a column of the DataFrame");
            }
        }
        for (int c = 0; c < names.size(); c++) {
            boolean ignored = types != null && "X".equalsIgnoreCase(String.valueOf(types.get(c)).trim());
            category.add(input[c] >= 0 || ignored ? null : categoryInputs(names.get(c), direct));
        }
        this.rowValues = new double[width];
        this.rowMissing = new boolean[width];
        this.rowKept = new String[this.keepColumns.size()];
    }

    /** value → input for the inputs {@code name$value} no column gives directly, or null when none. */
    private Map<String, Integer> categoryInputs(String name, Set<Integer> direct) {
        Map<String, Integer> values = new LinkedHashMap<>();
        String prefix = name + SEPARATOR;
        for (int k = 0; k < width; k++) {
            String attribute = inputs.get(k);
            if (attribute.startsWith(prefix) && !direct.contains(k)) {
                values.put(attribute.substring(prefix.length()), k);
            }
        }
        return values.isEmpty() ? null : values;
    }

    @Override
    void startRow() {
        column = 0;
        rowError = null;
        rowNumber++;
        Arrays.fill(rowValues, Double.NaN);
        Arrays.fill(rowMissing, true);
        Arrays.fill(rowKept, null);
    }

    @Override
    void cell(String text) {
        int c = column++;
        if (rowError != null) {
            return;
        }
        if (c >= names.size()) {
            rowError = "row " + rowNumber + " has more than the " + names.size() + " cells of attributeNames";
            return;
        }
        if (keepSlot[c] >= 0) {
            rowKept[keepSlot[c]] = text;
        }
        if (input[c] >= 0) {
            number(c, text);
        } else if (category.get(c) != null) {
            category(c, text);
        }
    }

    @Override
    void cell(byte[] bytes, int start, int end) {
        int c = column;
        if (rowError != null || c >= names.size() || input[c] < 0 || keepSlot[c] >= 0 || start == end) {
            cell(new String(bytes, start, end - start, StandardCharsets.UTF_8));
            return;
        }
        try {
            double value = DecimalParser.parse(bytes, start, end);
            if (Double.isFinite(value)) {
                column++;
                rowValues[input[c]] = value;
                rowMissing[input[c]] = false;
                return;
            }
        } catch (NumberFormatException e) {
            // the text path reports it
        }
        cell(new String(bytes, start, end - start, StandardCharsets.UTF_8));
    }

    private void number(int c, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) {
                rowValues[input[c]] = value;
                rowMissing[input[c]] = false;
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        rowError = "row " + rowNumber + ", column '" + names.get(c) + "': value '" + text
                + "' is not a finite number (it is an input of the model)";
    }

    private void category(int c, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        Map<String, Integer> group = category.get(c);
        for (int k : group.values()) {
            rowValues[k] = 0;
            rowMissing[k] = false;
        }
        Integer k = group.get(text.trim().toLowerCase(Locale.ROOT));
        if (k != null) {
            rowValues[k] = 1;
        }
    }

    @Override
    void endRow() {
        if (rowError == null && column < names.size()) {
            rowError = "row " + rowNumber + " has " + column + " cells but attributeNames has " + names.size();
        }
        if (rowError != null) {
            throw new FrameException("DataFrame rejected, nothing predicted: " + rowError);
        }
        int need = (rows + 1) * width;
        if (need > values.length) {
            int size = Math.max(need, values.length * 2);
            values = Arrays.copyOf(values, size);
            missing = Arrays.copyOf(missing, size);
        }
        System.arraycopy(rowValues, 0, values, rows * width, width);
        System.arraycopy(rowMissing, 0, missing, rows * width, width);
        if (rowKept.length > 0) {
            int needKept = (rows + 1) * rowKept.length;
            if (needKept > kept.length) {
                kept = Arrays.copyOf(kept, Math.max(needKept, Math.max(256, kept.length * 2)));
            }
            System.arraycopy(rowKept, 0, kept, rows * rowKept.length, rowKept.length);
        }
        rows++;
    }

    @Override
    PredictionRows finish() {
        return new PredictionRows(inputs, rows, Arrays.copyOf(values, rows * width),
                Arrays.copyOf(missing, rows * width), keepColumns, Arrays.copyOf(kept, rows * rowKept.length));
    }
}
