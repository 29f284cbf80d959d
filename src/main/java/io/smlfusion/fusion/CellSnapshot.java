package io.smlfusion.fusion;

import java.time.Instant;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * The statistics a cell exported, decoded, and when they arrived. Owned by the refresh that fetched
 * them: nothing else holds a reference, so the merge may read them without copying.
 *
 * @param sha256 of the bytes as the cell sent them: the hash the cell's audit trail records for the release
 */
public record CellSnapshot(ProjectStatistics statistics, Instant fetchedAt, String sha256) {
}
