package io.smlfusion.ingest;

/**
 * How a project reads DataFrames.
 *
 * @param partitionColumn the {@code partitionSplit} column of a partitioned project, or null
 * @param maxAttributes   the most attributes a DataFrame may hold once its categories are
 *                        expanded; more is refused while reading, before any row is expanded
 * @param maxBlockBytes   the most memory its expanded rows may take (rows × attributes × 8 bytes)
 */
public record FrameOptions(String partitionColumn, Limit maxAttributes, Limit maxBlockBytes) {

    /** No partition column and no limits: for callers whose input is bounded otherwise (benchmarks, tests). */
    public static final FrameOptions PLAIN = new FrameOptions(null, Limit.NONE, Limit.NONE);

    /**
     * A limit and the name a refusal gives it (its configuration key).
     */
    public record Limit(long max, String name) {

        public static final Limit NONE = new Limit(Long.MAX_VALUE, "none");

        boolean exceededBy(long value) {
            return value > max;
        }
    }
}
