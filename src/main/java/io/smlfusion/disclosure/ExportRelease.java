package io.smlfusion.disclosure;

/**
 * What one {@code export} of a cell project hands out: the snapshot bytes (the statistics format
 * of {@code engine.stats.StatisticsCodec}), exactly as released. An answer that sends a previous
 * release again carries the same array, so anything derived from the bytes (an entity tag, an
 * audit digest) is the same too.
 *
 * @param snapshot    the released bytes; never modified; null for a {@linkplain #notModified 304}
 * @param version     which state of the project the bytes are (the {@code ETag}); null for a project
 *                    that has none to offer (a fusion), whose export is then always sent whole
 * @param rowCount    the rows the released statistics count
 * @param rowsChanged the project's count of rows learned and forgotten when these bytes were read
 * @param repeated    whether this answer repeats the previous release, because the project did not
 *                    change or fewer than {@link ExportPolicy#minDeltaRows} rows changed since
 */
public record ExportRelease(byte[] snapshot, SnapshotVersion version, long rowCount, long rowsChanged, boolean repeated) {

    /** This release, sent again. */
    ExportRelease again() {
        return new ExportRelease(snapshot, version, rowCount, rowsChanged, true);
    }

    /** The caller already holds this release ({@code If-None-Match}): answer {@code 304}, no bytes. */
    public ExportRelease notModified() {
        return new ExportRelease(null, version, rowCount, rowsChanged, true);
    }

    /** Whether this answers {@code 304 Not Modified}. */
    public boolean unchanged() {
        return snapshot == null;
    }
}
