package io.smlfusion.fusion;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smlfusion.audit.FusedMerge;
import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * Everything a fusion knows at one moment, immutable and swapped as a whole: the cell list, the
 * last good merge (shared read-only by every reader), per-cell provenance, and the outcome of the
 * last refresh attempt. A reader holding a state sees one consistent merge however many refreshes
 * follow.
 *
 * @param generation        changes when the cell list is replaced; a refresh of an older list is discarded
 * @param merged            the merge being served; null before the first good refresh of this list
 * @param mergedAt          when {@code merged} was installed, or last confirmed by every cell ({@link FusionMerge})
 * @param partial           whether {@code merged} lacks some cells (quorum below all cells)
 * @param reports           per cell, in list order
 * @param snapshots         per cell, in list order, the last snapshot it sent (null where none): the
 *                          base of conditional fetches, and what every merge is recomputed from
 * @param lastAttempt       when the last refresh started; null before the first
 * @param lastAttemptFailed whether the last refresh left the previous merge in place
 * @param fetchError        the failed cells of the last attempt, {@code host pid: STATUS (reason)}
 *                          joined by {@code "; "}; null when every cell answered
 * @param identity          the hashes of {@code merged} and of the cell snapshots in it, as the audit
 *                          trail records them; null when {@code merged} is
 */
public record FusionState(long generation, List<CellInfo> cells, ProjectStatistics merged, Instant mergedAt,
                          boolean partial, List<CellReport> reports, List<CellSnapshot> snapshots, Instant lastAttempt,
                          boolean lastAttemptFailed, String fetchError, FusedMerge identity) {

    /** What a fusion reads before its first merge: no attribute, no row. */
    private static final ProjectStatistics NOTHING = new ProjectStatistics(false, false);

    static FusionState initial(long generation, List<CellInfo> cells) {
        return new FusionState(generation, List.copyOf(cells), null, null, false,
                cells.stream().map(CellReport::pending).toList(), Collections.nCopies(cells.size(), null), null, false, null, null);
    }

    public boolean hasMerge() {
        return merged != null;
    }

    /** The statistics to read: the merge, or an empty project before the first one. Never modify it. */
    public ProjectStatistics statistics() {
        return merged != null ? merged : NOTHING;
    }

    /** Whether a read at {@code now} starts a refresh: never attempted, or the last attempt is {@code interval} old. */
    boolean due(Instant now, Duration interval) {
        return lastAttempt == null || !now.isBefore(lastAttempt.plus(interval));
    }

    /**
     * {@code smlInfo.fusionMerge}: the merge being served and how the last refresh went.
     *
     * @param staleReason why the merge may lack the cells' latest rows, or null when it does not
     */
    public Map<String, Object> mergeProvenance(Instant now, String staleReason) {
        Map<String, Object> merge = new LinkedHashMap<>();
        merge.put("partial", partial);
        merge.put("cellsMerged", reports.stream().filter(CellReport::inMerge).count());
        merge.put("cellsTotal", cells.size());
        merge.put("rowCount", statistics().total().count());
        if (identity != null) {
            merge.put("sha256", identity.sha256());
        }
        if (mergedAt != null) {
            merge.put("ageMs", Duration.between(mergedAt, now).toMillis());
        }
        merge.put("lastRefreshFailed", lastAttemptFailed);
        merge.put("cellsUnchanged", reports.stream().filter(CellReport::unchanged).count());
        merge.put("bytesReceived", reports.stream().mapToLong(CellReport::bytesReceived).sum());
        merge.put("stale", staleReason != null);
        if (staleReason != null) {
            merge.put("staleReason", staleReason);
        }
        return merge;
    }

    /** {@code smlInfo.fusionCells}: per cell, without its secret. */
    public List<Map<String, Object>> cellProvenance(Instant now) {
        return reports.stream().map(report -> {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("host", report.cell().host());
            cell.put("cid", report.cell().cid());
            cell.put("pid", report.cell().pid());
            if (report.status() != null) {
                cell.put("status", report.status().name());
            }
            if (report.reason() != null) {
                cell.put("reason", report.reason());
            }
            cell.put("inMerge", report.inMerge());
            cell.put("unchanged", report.unchanged());
            cell.put("rowCount", report.rowCount());
            if (report.snapshotAt() != null) {
                cell.put("snapshotAgeMs", Duration.between(report.snapshotAt(), now).toMillis());
                cell.put("sha256", report.sha256());
            }
            return cell;
        }).toList();
    }
}
