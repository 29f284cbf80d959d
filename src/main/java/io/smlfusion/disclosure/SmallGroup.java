package io.smlfusion.disclosure;

import java.util.Map;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.Moments;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.Schema;

/**
 * A group of rows too small to be described: the statistics of a project hold, besides the totals,
 * the exact sums of every subgroup they can be split into, and a subgroup of a few rows is a few
 * people. The subgroups are:
 * <ul>
 *   <li>the project itself;</li>
 *   <li>each partition (its block holds its own moments);</li>
 *   <li>each level of a binary attribute — every level {@code x$v} of a category ({@code T})
 *       attribute is one: the rows where it is 1 (their sums are its comoments with every other
 *       attribute), and the rows where it is 0 (the totals minus those);</li>
 *   <li>each such level within each partition.</li>
 * </ul>
 * An empty group describes nobody; any other must hold at least {@code minRows} rows.
 *
 * @param kind  which of the subgroups above
 * @param where the partition, the level, or both, for the project owner's eyes ({@code cellsStatus}
 *              never shows it: a level's name is data)
 * @param rows  how many rows it holds
 */
public record SmallGroup(Kind kind, String where, long rows) {

    /** What kind of group was too small; the fusion reports it (the cell's own text never travels). */
    public enum Kind {
        PROJECT("the project"), PARTITION("a partition"), LEVEL("a level of a binary or category attribute");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * The first group of {@code statistics} holding from 1 to {@code minRows - 1} rows, in the order
     * above (attributes in schema order, partitions in theirs), or null when there is none. A project
     * that learned nothing is too small as well (while {@code minRows > 0}): there is nothing to release.
     * Costs one pass over the binary attributes of the total and of each partition.
     */
    public static SmallGroup find(ProjectStatistics statistics, int minRows) {
        if (minRows <= 0) {
            return null;
        }
        long total = statistics.total().count();
        if (total < minRows) {
            return new SmallGroup(Kind.PROJECT, "", total);
        }
        SmallGroup level = smallLevel(statistics.schema(), statistics.total(), minRows, "");
        if (level != null) {
            return level;
        }
        for (Map.Entry<String, Moments> partition : statistics.partitions().entrySet()) {
            long rows = partition.getValue().count();
            if (rows < minRows) {
                return new SmallGroup(Kind.PARTITION, "partition '" + partition.getKey() + "'", rows);
            }
            level = smallLevel(statistics.schema(), partition.getValue(), minRows,
                    " in partition '" + partition.getKey() + "'");
            if (level != null) {
                return level;
            }
        }
        return null;
    }

    private static SmallGroup smallLevel(Schema schema, Moments block, int minRows, String within) {
        long rows = block.count();
        for (int i = 0; i < schema.size(); i++) {
            if (schema.type(i) != AttributeType.BINARY) {
                continue;
            }
            // a 0/1 attribute's sum is the number of its ones; rounding removes the floating-point error of mean × n
            long ones = Math.round(block.mean(i) * rows);
            long zeros = rows - ones;
            if (ones > 0 && ones < minRows) {
                return new SmallGroup(Kind.LEVEL, "'" + schema.name(i) + "' = 1" + within, ones);
            }
            if (zeros > 0 && zeros < minRows) {
                return new SmallGroup(Kind.LEVEL, "'" + schema.name(i) + "' = 0" + within, zeros);
            }
        }
        return null;
    }
}
