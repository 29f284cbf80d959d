package io.smlfusion.disclosure;

/**
 * What one {@code export} of a cell project hands out: the snapshot bytes (the statistics format
 * of {@code engine.stats.StatisticsCodec}), exactly as released. An answer that sends a previous
 * release again carries the same array, so anything derived from the bytes (an entity tag, an
 * audit digest) is the same too.
 *
 * @param snapshot    the released bytes; never modified
 * @param rowCount    the rows the released statistics count
 * @param rowsChanged the project's count of rows learned and forgotten when these bytes were read
 * @param repeated    whether this answer repeats the previous release, because fewer than
 *                    {@link ExportPolicy#minDeltaRows} rows changed since
 */
public record ExportRelease(byte[] snapshot, long rowCount, long rowsChanged, boolean repeated) {

    /** This release, sent again. */
    ExportRelease again() {
        return new ExportRelease(snapshot, rowCount, rowsChanged, true);
    }
}
