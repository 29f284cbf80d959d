package io.smlfusion.fusion;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smlfusion.disclosure.ExportRelease;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.project.FusionExporter;
import io.smlfusion.project.Project;
import io.smlfusion.refusal.RequestRefused;

/**
 * {@code export} of a fusion: its current merge as a snapshot in the cells' format, so a fusion can
 * be a cell of another fusion (regional fusions feeding a global one).
 *
 * <ul>
 * <li><b>Cycles.</b> A request whose {@link FusionPath} already holds this fusion is refused at
 *     once with 409 {@value FusionPath#CYCLE}: refreshing would call this fusion again, and wait for
 *     itself until the deadline. A fusion whose last refresh found such a cell refuses the same way,
 *     whether or not it has a merge, so the cycle shows at every fusion above it as {@code CYCLE} —
 *     no refresh of a cell list with a cycle heals by waiting. A path of
 *     {@code smlfusion.fusion.max.depth} fusions or more is refused with 400 {@value FusionPath#TOO_DEEP}.</li>
 * <li><b>Freshness.</b> The merge is refreshed exactly as for any read ({@link FusionRefresh}), the
 *     cell calls carrying the path with this fusion added; with a {@link FusionBudget} from the
 *     caller the wait is cut to its share (the refresh goes on for the next call).</li>
 * <li><b>Nothing to export.</b> With no merge — none yet, or the first refreshes failed — the answer
 *     is the 503 a read without a merge gets, naming the failed cells.</li>
 * <li><b>Disclosure.</b> The snapshot is the merge every read of the fusion is computed from, and
 *     nothing else: no cell list, host, key or per-cell figure; only the fusion's owner may ask.</li>
 * </ul>
 */
@ApplicationScoped
public class FusionExport implements FusionExporter {

    @Inject
    FusionConfig config;

    @Inject
    IncomingFusionCall incoming;

    @Override
    public ExportRelease export(Project project) {
        if (!(project instanceof FusionProject fusion)) {
            throw new IllegalArgumentException("not a fusion project: " + project.header().pid());
        }
        int maxDepth = config.maxDepth();
        ProjectStatistics merge = exportable(fusion, incoming.path(maxDepth), incoming.budget(), maxDepth);
        return new ExportRelease(StatisticsCodec.encode(merge), null, merge.total().count(), 0, false);
    }

    /** {@link #exportable}, encoded. */
    static byte[] snapshot(FusionProject fusion, FusionPath path, Optional<Duration> budget, int maxDepth) {
        return StatisticsCodec.encode(exportable(fusion, path, budget, maxDepth));
    }

    /**
     * The export of {@code fusion} for a request that arrived along {@code path} with {@code budget}.
     *
     * @throws RequestRefused             409 cycle, 400 too deep
     * @throws FusionUnavailableException 503, no merge
     */
    private static ProjectStatistics exportable(FusionProject fusion, FusionPath path, Optional<Duration> budget, int maxDepth) {
        String pid = fusion.header().pid();
        FusionState state = fusion.readAlong(path.enter(fusion.hopId(), pid, maxDepth), budget.map(FusionBudget::ownShare));
        Optional<CellReport> cycle = state.reports().stream().filter(report -> report.status() == CellStatus.CYCLE).findFirst();
        if (cycle.isPresent()) {
            throw RequestRefused.conflict(FusionPath.CYCLE + ": cell " + cycle.get().cell().label() + " of fusion project [" + pid
                    + "] leads back to a fusion that its last refresh was made for; change the cell lists (updateCellsInfo) to remove the cycle");
        }
        if (!state.hasMerge()) {
            throw new FusionUnavailableException("Fusion project [" + pid + "] has no merge to export yet"
                    + (state.fetchError() == null ? "" : ": its last refresh failed: " + state.fetchError()) + "; try again later");
        }
        return state.statistics();
    }
}
