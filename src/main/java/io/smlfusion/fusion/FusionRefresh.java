package io.smlfusion.fusion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The just-in-time refresh of one fusion (DESIGN §6): at most one refresh at a time, started by a
 * read that finds the state due, fetching every cell in parallel on the executor (on the server,
 * {@link CellCallers}) and merging with {@link FusionMerge}.
 *
 * <p><b>Reads do not block on a refresh once a merge exists.</b> A read that finds the merge due
 * starts the refresh (or finds it running) and answers from the last good merge at once; the new
 * merge serves the reads that come after it is installed. So a fused answer is at most one
 * interval plus one refresh old, and the throughput of fused reads does not depend on the slowest
 * cell. Only a read that has <em>no</em> merge to serve — the first after creation, restart or
 * {@code updateCellsInfo} — waits, and only for the refresh in flight. N concurrent reads cause
 * one fetch per cell (single flight).
 *
 * <p>A refresh is due when the last <em>attempt</em> is older than the interval: after a failure
 * the cells are asked again one interval later, not at every read, so a struggling cell is not
 * hammered, and its recovery is seen within one interval.
 */
final class FusionRefresh {

    private static final Logger LOG = Logger.getLogger(FusionRefresh.class.getName());

    private final CellFetcher fetcher;
    private final Executor executor;
    private final Clock clock;
    private final Supplier<RefreshPolicy> policy;
    private final AtomicLong version = new AtomicLong();

    private volatile FusionState state;
    /** The refresh running now, or null; guarded by {@code this}. */
    private CompletableFuture<FusionState> inFlight;

    FusionRefresh(List<CellInfo> cells, CellFetcher fetcher, Executor executor, Clock clock, Supplier<RefreshPolicy> policy) {
        this.fetcher = fetcher;
        this.executor = executor;
        this.clock = clock;
        this.policy = policy;
        this.state = FusionState.initial(0, cells);
    }

    /** The current state, without refreshing (provenance, persistence). */
    FusionState state() {
        return state;
    }

    /** Increases whenever the statistics a reader gets change (new merge, new cell list). */
    long version() {
        return version.get();
    }

    /** The state a reader should use now; starts a refresh when one is due, waits only when there is no merge at all. */
    FusionState readable() {
        while (true) {
            FusionState seen = state;
            CompletableFuture<FusionState> refresh = startIfDue();
            if (refresh == null || seen.hasMerge()) {
                return seen;
            }
            FusionState after = refresh.join();
            if (after.generation() == seen.generation()) {
                return after;
            }
            // the cell list was replaced meanwhile: read the new list
        }
    }

    /** A new cell list: the merge of the old one is dropped, so the next read fetches the new cells at once. */
    synchronized void replaceCells(List<CellInfo> cells) {
        state = FusionState.initial(state.generation() + 1, cells);
        inFlight = null;
        version.incrementAndGet();
    }

    private synchronized CompletableFuture<FusionState> startIfDue() {
        if (inFlight != null) {
            return inFlight;
        }
        RefreshPolicy current = policy.get();
        Instant startedAt = clock.instant();
        if (!state.due(startedAt, current.interval())) {
            return null;
        }
        FusionState base = state;
        List<CompletableFuture<CellAnswer>> answers = base.cells().stream()
                .map(cell -> CompletableFuture.supplyAsync(() -> fetcher.answer(cell), executor))
                .toList();
        CompletableFuture<FusionState> refresh = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> FusionMerge.next(base, answers.stream().map(CompletableFuture::join).toList(),
                        current, startedAt, clock.instant()))
                .thenApply(this::install);
        inFlight = refresh;
        refresh.whenComplete((installed, failure) -> finished(refresh, failure));
        return refresh;
    }

    /** Swaps in the next state, unless the cell list changed while the cells were asked. */
    private synchronized FusionState install(FusionState next) {
        if (next.generation() == state.generation()) {
            if (next.merged() != state.merged()) {
                version.incrementAndGet();
            }
            state = next;
        }
        return state;
    }

    private synchronized void finished(CompletableFuture<FusionState> refresh, Throwable failure) {
        if (inFlight == refresh) {
            inFlight = null;
        }
        if (failure != null) {
            LOG.log(Level.SEVERE, "Refresh of a fusion failed unexpectedly; the previous merge keeps serving", failure);
        }
    }
}
