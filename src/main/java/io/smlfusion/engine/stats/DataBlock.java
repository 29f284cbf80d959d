package io.smlfusion.engine.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A block of numeric rows to learn or forget: named, typed columns and row-major values, plus,
 * for partitioned projects, the partition value of every row. Immutable once built: the constructor
 * takes the values array over instead of copying it — a block is the whole of a request, and a
 * copy would cost as much as reading it — so whoever builds a block hands the array over and
 * never writes it again.
 *
 * <p>Values must be finite and within {@link ValueRange}: a NaN or infinity, or a value whose
 * powers overflow, would poison every moment it touches, and no later forget could remove it.
 */
public final class DataBlock {

    private final List<String> names;
    private final List<AttributeType> types;
    private final double[] values;
    private final int rowCount;
    private final String[] partitionValues;

    /**
     * @param values row after row, {@code rowCount × names.size()} of them; kept, not copied
     * @param partitionValues one per row, or {@code null} when the project is not partitioned
     * @throws IllegalArgumentException when names repeat, sizes disagree, a value is not finite
     *     or beyond ±{@value ValueRange#MAX_ABS} (the message names row and column) or a partition value is missing
     */
    public DataBlock(List<String> names, List<AttributeType> types, double[] values, int rowCount,
                     String[] partitionValues) {
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.values = values;
        this.rowCount = rowCount;
        this.partitionValues = partitionValues == null ? null : partitionValues.clone();
        validate();
    }

    /** An unpartitioned block. */
    public DataBlock(List<String> names, List<AttributeType> types, double[] values,
                     int rowCount) {
        this(names, types, values, rowCount, null);
    }

    public List<String> names() {
        return names;
    }

    public List<AttributeType> types() {
        return types;
    }

    public int width() {
        return names.size();
    }

    public int rowCount() {
        return rowCount;
    }

    public double value(int row, int column) {
        Objects.checkIndex(row, rowCount);
        return values[row * width() + Objects.checkIndex(column, width())];
    }

    /** Whether every row carries a partition value. */
    public boolean partitioned() {
        return partitionValues != null;
    }

    public String partitionValue(int row) {
        if (partitionValues == null) {
            throw new IllegalStateException("this block has no partition values");
        }
        return partitionValues[row];
    }

    /** The values themselves, not a copy: callers in this package only read them. */
    double[] rowMajor() {
        return values;
    }

    private void validate() {
        int width = names.size();
        if (types.size() != width) {
            throw new IllegalArgumentException(width + " attribute names but " + types.size()
                    + " attribute types");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("attribute '" + name + "' appears twice");
            }
        }
        if (rowCount < 0 || (long) rowCount * width != values.length) {
            throw new IllegalArgumentException(rowCount + " rows of " + width
                    + " values need " + (long) rowCount * width + " values, not " + values.length);
        }
        for (int k = 0; k < values.length; k++) {
            if (!ValueRange.accepts(values[k])) {
                throw new IllegalArgumentException("row " + k / width + ", column '"
                        + names.get(k % width) + "': " + values[k]
                        + " is not a finite number within ±" + ValueRange.MAX_ABS);
            }
        }
        if (partitionValues != null) {
            if (partitionValues.length != rowCount) {
                throw new IllegalArgumentException(partitionValues.length
                        + " partition values for " + rowCount + " rows");
            }
            for (int row = 0; row < rowCount; row++) {
                if (partitionValues[row] == null) {
                    throw new IllegalArgumentException("row " + row + " has no partition value");
                }
            }
        }
    }
}
