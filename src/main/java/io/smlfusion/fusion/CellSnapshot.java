package io.smlfusion.fusion;

import java.time.Instant;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * The statistics a cell exported, decoded, and when they arrived. Owned by the refresh that fetched
 * them: nothing else holds a reference, so the merge may read them without copying.
 */
public record CellSnapshot(ProjectStatistics statistics, Instant fetchedAt) {
}
