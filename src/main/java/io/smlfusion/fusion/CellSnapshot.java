package io.smlfusion.fusion;

import java.time.Instant;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * The statistics a cell exported, decoded, and when they were last known current. A fusion keeps
 * each cell's last snapshot across refreshes (conditional fetches) and folds them into a fresh merge
 * each time, always copying before it adds ({@link FusionMerge}): nothing ever modifies them.
 *
 * @param fetchedAt when the cell last sent them, or confirmed them with a {@code 304}
 * @param etag      the cell's {@code ETag} for them, as it sent it (quotes included), or null when it
 *                  sent none (the next call is then unconditional)
 * @param bytes     the size of the answer's body that brought them: what keeping them costs, about
 * @param sha256    of the bytes as the cell sent them: the hash the cell's audit trail records for the release
 */
public record CellSnapshot(ProjectStatistics statistics, Instant fetchedAt, String etag, long bytes, String sha256) {

    /** Without an {@code ETag}: fetched again whole next time. */
    public CellSnapshot(ProjectStatistics statistics, Instant fetchedAt, String sha256) {
        this(statistics, fetchedAt, null, 0, sha256);
    }

    /** The same statistics, confirmed current by the cell at {@code now}. */
    CellSnapshot confirmedAt(Instant now) {
        return new CellSnapshot(statistics, now, etag, bytes, sha256);
    }
}
