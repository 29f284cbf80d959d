package io.smlfusion.fusion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.smlfusion.audit.FusedMerge;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.project.ProjectModels;
import io.smlfusion.project.Project;
import io.smlfusion.project.ProjectHeader;

/**
 * A project that holds no rows (spec §6): it reads the merge of its cells, refreshed just in time
 * by its {@link FusionRefresh}. Exploration and modelling read it through {@link Project#read} like
 * any project and need no fusion-specific code; writing (learn, forget, merge into it) is refused by
 * {@code ProjectService}; {@code export} answers the merge through {@link FusionExport}, so that a
 * fusion can be a cell of another fusion.
 *
 * <p>Its {@link #hopId} is the random id that names it in the {@link FusionPath} of its cell calls.
 */
public final class FusionProject implements Project {

    private final ProjectHeader header;
    private final FusionRefresh refresh;
    private final Clock clock;
    private final UnaryOperator<String> ownerCipher;
    private final MergeReads reads;
    private final ProjectModels models = new ProjectModels();
    private final String hopId = FusionPath.newHopId();

    /** Told of every read of a merge before the reader runs (the audit trail records the fused answer). */
    @FunctionalInterface
    interface MergeReads {
        void reading(ProjectHeader fusion, FusedMerge merge);
    }

    /**
     * @param ownerCipher encrypts a JSON text for the fusion's owner (the only customer who can read
     *                    its info), in the scheme of the current request
     */
    FusionProject(ProjectHeader header, FusionRefresh refresh, Clock clock, UnaryOperator<String> ownerCipher,
                  MergeReads reads) {
        this.header = header;
        this.refresh = refresh;
        this.clock = clock;
        this.ownerCipher = ownerCipher;
        this.reads = reads;
    }

    @Override
    public ProjectHeader header() {
        return header;
    }

    /**
     * Refreshes when due (see {@link FusionRefresh} for when this waits), tells {@link MergeReads}
     * which merge is read, then reads it.
     *
     * @throws FusionUnavailableException when there is no merge yet and none arrived within the deadline
     */
    @Override
    public <T> T read(Function<ProjectStatistics, T> reader) {
        FusionState state = refresh.readable(FusionPath.EMPTY.then(hopId));
        if (state.hasMerge()) {
            reads.reading(header, state.identity());
        }
        return reader.apply(state.statistics());
    }

    /**
     * The state to export along {@code path} (which ends with this fusion, {@link FusionPath#enter}):
     * refreshed as a read would, the cell calls of a refresh started here carrying {@code path};
     * waiting at most {@code maxWait} when the caller gave a budget.
     *
     * @throws FusionUnavailableException as {@link #read} does
     */
    FusionState readAlong(FusionPath path, Optional<Duration> maxWait) {
        return maxWait.map(wait -> refresh.readable(path, wait)).orElseGet(() -> refresh.readable(path));
    }

    /** The id that stands for this fusion in a {@link FusionPath}: random, the same for the object's life. */
    String hopId() {
        return hopId;
    }

    @Override
    public long version() {
        return refresh.version();
    }

    /** Models built on the merge and kept here: predicting with them calls no cell. */
    @Override
    public ProjectModels models() {
        return models;
    }

    /**
     * Adds to {@code smlInfo}: {@code fusionCellInfo}, the cell list encrypted for the owner (spec
     * §4.5; never the secrets in clear); {@code params.fusion_fetch_error} after a refresh in which
     * some cell failed; and the provenance of the merge being served — {@code fusionMerge}
     * ({@code partial}, {@code cellsMerged}, {@code cellsTotal}, {@code rowCount}, {@code sha256}, {@code ageMs},
     * {@code lastRefreshFailed}, {@code stale} and, when stale, {@code staleReason}) and {@code fusionCells}, per cell {@code host}, {@code cid},
     * {@code pid}, {@code status}, {@code reason}, {@code inMerge}, {@code rowCount},
     * {@code snapshotAgeMs}, {@code sha256}. The hashes are those the audit trails record: the merge's
     * on this server's fused answers, each cell's on the cell's export.
     */
    @Override
    public void describe(Map<String, Object> info, Map<String, String> params) {
        FusionState state = refresh.state();
        info.put("fusionCellInfo", ownerCipher.apply(CellList.toJson(state.cells())));
        if (state.fetchError() != null) {
            params.put("fusion_fetch_error", state.fetchError());
        }
        Instant now = clock.instant();
        info.put("fusionMerge", state.mergeProvenance(now, refresh.staleReason(now)));
        info.put("fusionCells", state.cellProvenance(now));
    }

    /** The cells of the last refresh that failed, as {@code params.fusion_fetch_error} names them. */
    @Override
    public Optional<String> failedParts() {
        return Optional.ofNullable(refresh.state().fetchError());
    }

    List<CellInfo> cells() {
        return refresh.state().cells();
    }

    /** {@code updateCellsInfo}: the next read fetches the new cells, whatever the interval. */
    void replaceCells(List<CellInfo> cells) {
        refresh.replaceCells(cells);
    }
}
