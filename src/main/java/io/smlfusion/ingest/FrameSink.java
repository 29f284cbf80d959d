package io.smlfusion.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.smlfusion.engine.stats.AttributeNames;

/**
 * What {@link DataFrameReader} streams the cells of a DataFrame into, row by row: the
 * {@link FrameBuilder} of learn and forget, or the {@link PredictionRowsBuilder} of prediction.
 * The reader owns the JSON; a sink owns what the cells mean.
 *
 * @param <R> what the sink makes of the DataFrame
 */
abstract class FrameSink<R> {

    /** Opens a sink once the DataFrame's header is known. */
    @FunctionalInterface
    interface Factory<R> {
        /**
         * @param types the {@code attributeTypes}, or null when the DataFrame has none
         * @param errorHandling the DataFrame's {@code errorHandling}, 0 when absent
         */
        FrameSink<R> open(List<String> names, List<String> types, int errorHandling);
    }

    /**
     * Checks the header both sinks share: every column named, no name twice.
     *
     * @return the set of names
     */
    static Set<String> distinctNames(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            String problem = AttributeNames.problem(name);
            if (problem != null) {
                throw new FrameException("attributeNames[" + c + "] '" + AttributeNames.shown(name) + "' " + problem);
            }
            if (!seen.add(name)) {
                throw new FrameException("Duplicate attribute name '" + name + "' in DataFrame");
            }
        }
        return seen;
    }

    abstract void startRow();

    /** The next cell of the row as text (null for a JSON null). */
    abstract void cell(String text);

    /** The next cell of the row as the unescaped UTF-8 of {@code bytes[start, end)}. */
    abstract void cell(byte[] bytes, int start, int end);

    /**
     * The next cell of the row as a number already decoded (a typed column of a binary format).
     * By default it takes the text path; sinks that store numbers override it to skip the text.
     */
    void number(double value) {
        cell(Double.toString(value));
    }

    abstract void endRow();

    /**
     * A batch of {@code rows} whole rows given column by column, one {@link NumberColumn} per
     * attribute in order. A sink that can store it at once does, and answers true; false leaves
     * the batch untouched, to be sent again row by row (which also reports what was wrong with it).
     */
    boolean numberColumns(int rows, NumberColumn[] columns) {
        return false;
    }

    abstract R finish();
}
