package io.smlfusion.engine.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of a block that share one partition value, gathered into their own row-major array. */
record PartitionGroup(String value, double[] rows, int rowCount) {

    /**
     * Splits {@code rowMajor} (rows of {@code width} values, one partition value each in
     * {@code block}) by partition value, in first-seen order.
     */
    static List<PartitionGroup> split(double[] rowMajor, int width, DataBlock block) {
        int rowCount = block.rowCount();
        Map<String, Integer> groupOfValue = new LinkedHashMap<>();
        int[] groupOfRow = new int[rowCount];
        for (int row = 0; row < rowCount; row++) {
            groupOfRow[row] = groupOfValue.computeIfAbsent(block.partitionValue(row),
                    value -> groupOfValue.size());
        }
        int[] sizes = new int[groupOfValue.size()];
        for (int group : groupOfRow) {
            sizes[group]++;
        }
        double[][] gathered = new double[sizes.length][];
        for (int group = 0; group < sizes.length; group++) {
            gathered[group] = new double[sizes[group] * width];
        }
        int[] filled = new int[sizes.length];
        for (int row = 0; row < rowCount; row++) {
            int group = groupOfRow[row];
            System.arraycopy(rowMajor, row * width, gathered[group], filled[group]++ * width, width);
        }
        List<PartitionGroup> groups = new ArrayList<>(sizes.length);
        for (String value : groupOfValue.keySet()) {
            int group = groups.size();
            groups.add(new PartitionGroup(value, gathered[group], sizes[group]));
        }
        return groups;
    }
}
