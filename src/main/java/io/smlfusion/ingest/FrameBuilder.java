package io.smlfusion.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.smlfusion.engine.stats.AttributeNames;
import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.Schema;
import io.smlfusion.engine.stats.ValueRange;

/**
 * Turns the cells of a DataFrame, as the reader streams them, into a dense row-major block.
 * Type codes (spec §4.2): {@code C} number, {@code B} 0/1, {@code T} category (one binary column
 * {@code attr$value} per distinct value, trimmed and lower-cased), {@code X} ignored; {@code S} and
 * {@code L} need encoders, which this server does not have yet.
 *
 * <p>{@code errorHandling} 0 rejects the whole DataFrame at the first bad cell (nothing is
 * learned); 1 drops bad rows and counts them.
 */
final class FrameBuilder extends FrameSink<ParsedFrame> {

    static final String CATEGORY_SEPARATOR = Schema.CATEGORY_SEPARATOR;

    /** Rows of a batch copied and checked together: a tile of 32 columns is 64 KiB. */
    private static final int TILE_ROWS = 256;
    /** The most values one Java array holds. */
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    private enum Kind { NUMBER, BINARY, CATEGORY, PARTITION, IGNORED }

    private final List<String> names;
    private final Kind[] kinds;
    /** dense column of a NUMBER/BINARY frame column, category slot of a CATEGORY column */
    private final int[] slot;
    private final int numericWidth;
    private final List<Map<String, Integer>> categories = new ArrayList<>();
    /** distinct values over all categories: the attributes the categories expand into */
    private int categoryValues;
    private final boolean skipBadRows;
    private final FrameOptions options;

    private final double[] rowValues;
    private final int[] rowCategories;
    private String rowPartition;
    /** category values first seen in the current row: forgotten again if the row is dropped */
    private final List<Map.Entry<Integer, String>> rowNewCategories = new ArrayList<>();
    private int column;
    private String rowError;

    private double[] values = new double[1024];
    private int[] categoryIds = new int[0];
    private final List<String> partitions;
    private int rows;
    private int rowNumber;
    private int skipped;
    private String firstSkipReason;

    FrameBuilder(List<String> names, List<String> types, int errorHandling, FrameOptions options) {
        if (types == null) {
            throw new FrameException("DataFrame has no attributeTypes");
        }
        if (names.size() != types.size()) {
            throw new FrameException("DataFrame has " + names.size() + " attributeNames but " + types.size() + " attributeTypes");
        }
        if (names.isEmpty()) {
            throw new FrameException("DataFrame has no attributes");
        }
        this.names = names;
        this.kinds = new Kind[names.size()];
        this.slot = new int[names.size()];
        this.skipBadRows = errorHandling == 1;
        this.options = options;
        Set<String> seen = distinctNames(names);
        int numeric = 0;
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            if (name.equals(options.partitionColumn())) {
                kinds[c] = Kind.PARTITION;
                continue;
            }
            kinds[c] = kindOf(name, types.get(c));
            switch (kinds[c]) {
                case NUMBER, BINARY -> slot[c] = numeric++;
                case CATEGORY -> {
                    slot[c] = categories.size();
                    categories.add(new LinkedHashMap<>());
                }
                default -> { }
            }
        }
        if (options.partitionColumn() != null && !seen.contains(options.partitionColumn())) {
            throw new FrameException("DataFrame lacks the partition column '" + options.partitionColumn() + "' of this partitioned project");
        }
        requireNoCategoryCollision(names);
        this.numericWidth = numeric;
        requireAttributesWithinLimit();
        this.rowValues = new double[numeric];
        this.rowCategories = new int[categories.size()];
        this.partitions = options.partitionColumn() == null ? null : new ArrayList<>();
    }

    /**
     * A category {@code u} expands into {@code u$value}, so no other column may be named
     * {@code u$…}: it would become a duplicate once some value arrives.
     */
    private void requireNoCategoryCollision(List<String> names) {
        Set<String> categoryNames = new HashSet<>();
        for (int c = 0; c < names.size(); c++) {
            if (kinds[c] == Kind.CATEGORY) {
                categoryNames.add(names.get(c));
            }
        }
        if (categoryNames.isEmpty()) {
            return;
        }
        for (String name : names) {
            for (int at = name.indexOf(CATEGORY_SEPARATOR); at > 0; at = name.indexOf(CATEGORY_SEPARATOR, at + 1)) {
                String category = name.substring(0, at);
                if (categoryNames.contains(category)) {
                    throw new FrameException("Attribute '" + name + "' collides with the values of category (T) attribute '"
                            + category + "', which expand to '" + category + CATEGORY_SEPARATOR + "<value>'");
                }
            }
        }
    }

    /** Checked as the width grows, so a category with ever new values never expands beyond the limit. */
    private void requireAttributesWithinLimit() {
        int width = numericWidth + categoryValues;
        if (options.maxAttributes().exceededBy(width)) {
            throw FrameException.beyond(options.maxAttributes(), "more than " + options.maxAttributes().max()
                    + " attributes once categories are expanded");
        }
    }

    private static Kind kindOf(String name, String type) {
        String code = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
        return switch (code) {
            case "C" -> Kind.NUMBER;
            case "B" -> Kind.BINARY;
            case "T" -> Kind.CATEGORY;
            case "X" -> Kind.IGNORED;
            case "S", "L" -> throw new FrameException("Attribute '" + name + "' has type " + code
                    + ", which needs an encoder; encoders are not supported yet: send it as T (category) or X (ignore)");
            default -> throw new FrameException("Attribute '" + name + "' has unknown type code '" + type
                    + "'; expected one of C, B, T, X");
        };
    }

    @Override
    void startRow() {
        column = 0;
        rowError = null;
        rowPartition = null;
        rowNumber++;
    }

    @Override
    void cell(String text) {
        cell(column++, text);
    }

    /** The text path: also reports the errors of cells the byte path could not take. */
    private void cell(int c, String text) {
        if (rowError != null) {
            return;
        }
        if (c >= kinds.length) {
            rowError = "row " + rowNumber + " has more than the " + kinds.length + " cells of attributeNames";
            return;
        }
        switch (kinds[c]) {
            case NUMBER -> rowValues[slot[c]] = number(c, text);
            case BINARY -> rowValues[slot[c]] = binary(c, text);
            case CATEGORY -> rowCategories[slot[c]] = category(c, text);
            case PARTITION -> rowPartition = partition(c, text);
            case IGNORED -> { }
        }
    }

    /**
     * A cell whose text is the unescaped UTF-8 in {@code bytes[start, end)}: numbers are parsed in
     * place; other kinds take the text path.
     */
    @Override
    void cell(byte[] bytes, int start, int end) {
        int c = column;
        if (rowError != null || c >= kinds.length || (kinds[c] != Kind.NUMBER && kinds[c] != Kind.BINARY)) {
            cell(rowError != null || c >= kinds.length ? null : new String(bytes, start, end - start, StandardCharsets.UTF_8));
            return;
        }
        column++;
        if (kinds[c] == Kind.BINARY && end - start == 1 && (bytes[start] == '0' || bytes[start] == '1')) {
            rowValues[slot[c]] = bytes[start] - '0';
            return;
        }
        double value;
        try {
            value = DecimalParser.parse(bytes, start, end);
        } catch (NumberFormatException e) {
            cell(c, new String(bytes, start, end - start, StandardCharsets.UTF_8));
            return;
        }
        if (kinds[c] == Kind.NUMBER && ValueRange.accepts(value)) {
            rowValues[slot[c]] = value;
        } else {
            cell(c, new String(bytes, start, end - start, StandardCharsets.UTF_8));
        }
    }

    @Override
    void number(double value) {
        int c = column;
        if (rowError == null && c < kinds.length && (kinds[c] == Kind.NUMBER && ValueRange.accepts(value)
                || kinds[c] == Kind.BINARY && (value == 0.0 || value == 1.0))) {
            column++;
            rowValues[slot[c]] = value;
            return;
        }
        super.number(value);
    }

    /**
     * Stores a batch of numbers at once when every column is a number or a 0/1 of this frame and
     * every value is one the row path would accept; otherwise nothing is kept and the rows come
     * again one by one. Copied in tiles of {@value #TILE_ROWS} rows, so a tile is checked while it
     * is still in the cache.
     */
    @Override
    boolean numberColumns(int batchRows, NumberColumn[] columns) {
        if (columns.length != kinds.length || numericWidth != kinds.length) {
            return false;
        }
        int width = numericWidth;
        long need = ((long) rows + batchRows) * width;
        requireBlockWithinLimit((long) rows + batchRows, width);
        if (need > values.length) {
            values = Arrays.copyOf(values, (int) Math.min(Math.max(need, 2L * values.length), MAX_VALUES));
        }
        for (int from = 0; from < batchRows; from += TILE_ROWS) {
            int tileRows = Math.min(TILE_ROWS, batchRows - from);
            int tileStart = (rows + from) * width;
            for (int c = 0; c < width; c++) {
                columns[c].copyTo(from, tileRows, values, tileStart + slot[c], width);
            }
            if (!acceptable(tileStart, tileRows)) {
                return false;
            }
        }
        rows += batchRows;
        rowNumber += batchRows;
        return true;
    }

    /** Every value of the tile within the range, and those of 0/1 columns 0 or 1. */
    private boolean acceptable(int tileStart, int tileRows) {
        double[] tile = values;
        int end = tileStart + tileRows * numericWidth;
        boolean accepted = true;
        for (int k = tileStart; k < end; k++) {
            accepted &= ValueRange.accepts(tile[k]);
        }
        for (int c = 0; c < kinds.length && accepted; c++) {
            if (kinds[c] == Kind.BINARY) {
                for (int k = tileStart + slot[c]; k < end; k += numericWidth) {
                    accepted &= tile[k] == 0.0 || tile[k] == 1.0;
                }
            }
        }
        return accepted;
    }

    @Override
    void endRow() {
        if (rowError == null && column < kinds.length) {
            rowError = "row " + rowNumber + " has " + column + " cells but attributeNames has " + kinds.length;
        }
        if (rowError != null) {
            if (!skipBadRows) {
                throw new FrameException("DataFrame rejected, nothing learned: " + rowError);
            }
            if (skipped++ == 0) {
                firstSkipReason = rowError;
            }
            rowNewCategories.forEach(e -> categories.get(e.getKey()).remove(e.getValue()));
            categoryValues -= rowNewCategories.size();
            rowNewCategories.clear();
            return;
        }
        rowNewCategories.clear();
        append();
    }

    private void append() {
        int need = (rows + 1) * numericWidth;
        if (need > values.length) {
            values = Arrays.copyOf(values, Math.max(need, values.length * 2));
        }
        System.arraycopy(rowValues, 0, values, rows * numericWidth, numericWidth);
        if (!categories.isEmpty()) {
            int needIds = (rows + 1) * categories.size();
            if (needIds > categoryIds.length) {
                categoryIds = Arrays.copyOf(categoryIds, Math.max(needIds, Math.max(1024, categoryIds.length * 2)));
            }
            System.arraycopy(rowCategories, 0, categoryIds, rows * categories.size(), categories.size());
        }
        if (partitions != null) {
            partitions.add(rowPartition);
        }
        rows++;
    }

    @Override
    ParsedFrame finish() {
        if (rows == 0 && skipped == 0) {
            throw new FrameException("DataFrame has no rows");
        }
        List<String> outNames = new ArrayList<>();
        List<AttributeType> outTypes = new ArrayList<>();
        int[] numericTarget = new int[numericWidth];
        int[] categoryBase = new int[categories.size()];
        for (int c = 0; c < kinds.length; c++) {
            switch (kinds[c]) {
                case NUMBER, BINARY -> {
                    numericTarget[slot[c]] = outNames.size();
                    outNames.add(names.get(c));
                    outTypes.add(kinds[c] == Kind.NUMBER ? AttributeType.CONTINUOUS : AttributeType.BINARY);
                }
                case CATEGORY -> {
                    categoryBase[slot[c]] = outNames.size();
                    for (String value : categories.get(slot[c]).keySet()) {
                        outNames.add(names.get(c) + CATEGORY_SEPARATOR + value);
                        outTypes.add(AttributeType.BINARY);
                    }
                }
                default -> { }
            }
        }
        int width = outNames.size();
        requireBlockWithinLimit(rows, width);
        double[] dense = expand(width, numericTarget, categoryBase);
        String[] partitionValues = partitions == null ? null : partitions.toArray(String[]::new);
        return new ParsedFrame(new DataBlock(outNames, outTypes, dense, rows, partitionValues), skipped, firstSkipReason);
    }

    private void requireBlockWithinLimit(long rowCount, int width) {
        long blockBytes = rowCount * width * Double.BYTES;
        if (options.maxBlockBytes().exceededBy(blockBytes) || rowCount * width > MAX_VALUES) {
            throw FrameException.beyond(options.maxBlockBytes(), rowCount + " rows of " + width
                    + " attributes (categories expanded) take " + blockBytes + " bytes; send fewer rows per DataFrame");
        }
    }

    private double[] expand(int width, int[] numericTarget, int[] categoryBase) {
        if (width == numericWidth && categories.isEmpty()) {
            return values.length == rows * width ? values : Arrays.copyOf(values, rows * width);
        }
        double[] dense = new double[rows * width];
        int categoryCount = categories.size();
        for (int r = 0; r < rows; r++) {
            int out = r * width;
            int in = r * numericWidth;
            for (int k = 0; k < numericWidth; k++) {
                dense[out + numericTarget[k]] = values[in + k];
            }
            for (int k = 0; k < categoryCount; k++) {
                int id = categoryIds[r * categoryCount + k];
                if (id >= 0) {
                    dense[out + categoryBase[k] + id] = 1.0;
                }
            }
        }
        return dense;
    }

    private double number(int c, String text) {
        if (text == null || text.isBlank()) {
            rowError = cellError(c, text, "is missing (type C needs a number)");
            return 0;
        }
        try {
            double value = Double.parseDouble(text);
            if (!ValueRange.accepts(value)) {
                rowError = cellError(c, text, "is not a finite number within ±" + ValueRange.MAX_ABS
                        + " (type C; larger values would overflow the statistics)");
            }
            return value;
        } catch (NumberFormatException e) {
            rowError = cellError(c, text, "is not a number (type C)");
            return 0;
        }
    }

    private double binary(int c, String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equals("0") || trimmed.equals("1")) {
            return trimmed.charAt(0) - '0';
        }
        try {
            double value = Double.parseDouble(trimmed);
            if (value == 0.0 || value == 1.0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        rowError = cellError(c, text, "is not 0 or 1 (type B)");
        return 0;
    }

    /** A missing category leaves every {@code attr$value} column of the row at 0. */
    private int category(int c, String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        Map<String, Integer> dictionary = categories.get(slot[c]);
        Integer id = dictionary.get(value);
        if (id == null) {
            String problem = AttributeNames.problem(names.get(c) + CATEGORY_SEPARATOR + value);
            if (problem != null) {
                rowError = cellError(c, text, "cannot name the category attribute '" + names.get(c) + CATEGORY_SEPARATOR
                        + "<value>': that name " + problem);
                return -1;
            }
            id = dictionary.size();
            dictionary.put(value, id);
            rowNewCategories.add(Map.entry(slot[c], value));
            categoryValues++;
            requireAttributesWithinLimit();
        }
        return id;
    }

    private String partition(int c, String text) {
        if (text == null || text.isBlank()) {
            rowError = cellError(c, text, "is missing (partition column)");
            return null;
        }
        String value = text.trim();
        String problem = AttributeNames.problem(value);
        if (problem != null) {
            rowError = cellError(c, text, "cannot name a partition: it " + problem);
        }
        return value;
    }

    private String cellError(int c, String text, String problem) {
        return "row " + rowNumber + ", column '" + names.get(c) + "': value "
                + (text == null ? "null" : "'" + AttributeNames.shown(text) + "'") + " " + problem;
    }
}
