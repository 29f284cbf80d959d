package io.smlfusion.ingest;

/**
 * One column of a batch whose every cell is a number already decoded (a typed column of a binary
 * format, without nulls): what lets a {@link FrameSink} take a whole batch column by column
 * instead of cell by cell.
 */
interface NumberColumn {

    /**
     * Writes the values of rows {@code [from, from + rows)} to {@code target[offset]},
     * {@code target[offset + stride]}, … — one column of row-major rows.
     */
    void copyTo(int from, int rows, double[] target, int offset, int stride);
}
