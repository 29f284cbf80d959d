package io.smlfusion.ingest;

/**
 * How a project reads DataFrames.
 *
 * @param partitionColumn the {@code partitionSplit} column of a partitioned project, or null
 */
public record FrameOptions(String partitionColumn) {

    public static final FrameOptions PLAIN = new FrameOptions(null);
}
