package io.smlfusion.fusion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import io.smlfusion.audit.FusedMerge;
import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * Turns the answers of one refresh into the fusion's next state (DESIGN §6). Pure: no clock, no
 * threads, so ordering, quorum and labelling are unit-tested directly.
 *
 * <p>The merge is always <b>from scratch</b> (never added onto the previous merge, which would count
 * rows twice) — from the snapshots the cells sent, or the kept ones they confirmed unchanged — and folds the snapshots in <b>cell-list order</b> — the order of
 * {@link ProjectStatistics#mergeAll} — one at a time, so an attribute type conflict is pinned on the
 * cell that brings it: that cell becomes {@link CellStatus#INCOMPATIBLE} and is left out. The
 * answers arrive in list order whatever order the cells answered in, so the result does not depend
 * on network timing.
 *
 * <p>If at least {@link RefreshPolicy#required} cells contributed, the new merge replaces the old
 * one, labelled partial when some cell is missing. Otherwise the previous merge keeps serving and
 * only the cells' statuses change. Either way {@link FusionState#fetchError()} names every failed
 * cell with its status and reason.
 *
 * <p>When every cell confirmed the very snapshot the served merge was made from (all {@code 304}),
 * the merge from scratch would give the same statistics again: the served merge is kept (the same
 * object, so readers and the fusions above see no new version) and only the reports move on.
 */
final class FusionMerge {

    private FusionMerge() {
    }

    /**
     * @param base      the state the refresh started from
     * @param answers   one per cell of {@code base}, in list order
     * @param startedAt when the refresh started (the next one is due an interval later)
     * @param now       when the merge is installed
     */
    static FusionState next(FusionState base, List<CellAnswer> answers, RefreshPolicy policy, Instant startedAt, Instant now) {
        if (mergeStillCurrent(base, answers)) {
            List<CellReport> reports = answers.stream().map(CellReport::of).toList();
            List<CellSnapshot> snapshots = answers.stream().map(CellAnswer::snapshot).toList();
            return new FusionState(base.generation(), base.cells(), base.merged(), now, false, reports, snapshots, startedAt, false,
                    null, base.identity());
        }
        List<CellAnswer> outcomes = new ArrayList<>(answers);
        List<CellSnapshot> snapshots = new ArrayList<>(base.snapshots());
        ProjectStatistics merged = null;
        for (int k = 0; k < outcomes.size(); k++) {
            CellAnswer answer = outcomes.get(k);
            if (!answer.ok()) {
                continue;
            }
            snapshots.set(k, answer.snapshot());
            ProjectStatistics statistics = answer.snapshot().statistics();
            if (merged == null) {
                merged = statistics.copy();
                continue;
            }
            try {
                merged.merge(statistics);
            } catch (IllegalArgumentException conflict) {
                outcomes.set(k, CellAnswer.failed(answer.cell(), new CellFailure(CellStatus.INCOMPATIBLE, conflict.getMessage())));
            }
        }
        List<CellAnswer> contributed = outcomes.stream().filter(CellAnswer::ok).toList();
        String fetchError = outcomes.stream().filter(a -> !a.ok()).map(CellAnswer::describeFailure)
                .collect(Collectors.collectingAndThen(Collectors.joining("; "), text -> text.isEmpty() ? null : text));
        boolean quorum = !contributed.isEmpty() && contributed.size() >= policy.required(outcomes.size());
        if (quorum) {
            List<CellReport> reports = outcomes.stream().map(CellReport::of).toList();
            FusedMerge identity = FusedMerge.of(merged.total().count(),
                    reports.stream().filter(CellReport::inMerge).map(CellReport::merged).toList());
            return new FusionState(base.generation(), base.cells(), merged, now, contributed.size() < outcomes.size(),
                    reports, Collections.unmodifiableList(snapshots), startedAt, false, fetchError, identity);
        }
        List<CellReport> reports = new ArrayList<>(outcomes.size());
        for (int k = 0; k < outcomes.size(); k++) {
            reports.add(base.reports().get(k).withLatest(outcomes.get(k)));
        }
        return new FusionState(base.generation(), base.cells(), base.merged(), base.mergedAt(), base.partial(),
                List.copyOf(reports), Collections.unmodifiableList(snapshots), startedAt, true, fetchError, base.identity());
    }

    /** Whether the served merge holds every cell and every cell answered with the very snapshot it was made from. */
    private static boolean mergeStillCurrent(FusionState base, List<CellAnswer> answers) {
        if (!base.hasMerge() || base.partial() || base.lastAttemptFailed()) {
            return false;
        }
        for (int k = 0; k < answers.size(); k++) {
            CellAnswer answer = answers.get(k);
            CellSnapshot kept = base.snapshots().get(k);
            if (!answer.ok() || kept == null || answer.snapshot().statistics() != kept.statistics()) {
                return false;
            }
        }
        return true;
    }
}
