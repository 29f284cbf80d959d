package io.smlfusion.fusion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The just-in-time refresh of one fusion (DESIGN §6): at most one refresh at a time, started by a
 * read that finds the state due, asking every cell in parallel through {@link CellCallers} — each
 * call bounded by the deadline, so a refresh is over within the deadline, and conditional on the
 * snapshot kept from the cell's last answer, so an unchanged cell sends no snapshot — and merging
 * with {@link FusionMerge}. N concurrent reads cause one fetch per cell (single flight).
 *
 * <p><b>When a read waits</b> ({@link RefreshPolicy.Mode}): reads inside the interval never wait.
 * In {@code WAIT} mode (the default) a read that finds the merge due waits for the refresh it
 * starts or finds running, at most the deadline, and answers from the new merge; from the last good
 * merge only when the refresh failed or the deadline passed, and then {@link #staleReason} says so.
 * In {@code BACKGROUND} mode such a read answers from the last good merge at once, so a fused answer
 * may be one interval plus one refresh old. In both modes a read with <em>no</em> merge to serve
 * waits at most the deadline and then gets {@link FusionUnavailableException}.
 *
 * <p>A refresh is due when the last <em>attempt</em> is older than the interval: after a failure
 * the cells are asked again one interval later, not at every read, so a struggling cell is not
 * hammered, and its recovery is seen within one interval.
 *
 * <p>A read names the {@link FusionPath} the cell calls of a refresh it starts carry, and may wait
 * less than the deadline (a fusion answering the {@code export} of a fusion above it,
 * {@link FusionBudget}); the refresh itself always has the whole deadline, so what a short wait
 * leaves behind still lands, for the next read.
 */
final class FusionRefresh {

    private static final Logger LOG = Logger.getLogger(FusionRefresh.class.getName());

    /** The fetcher whose calls carry a given path. */
    private final Function<FusionPath, CellFetcher> fetchers;
    private final CellCallers callers;
    private final Clock clock;
    private final Supplier<RefreshPolicy> policy;
    private final RefreshListener listener;
    private final AtomicLong version = new AtomicLong();

    private volatile FusionState state;
    /** The refresh running now, or null; guarded by {@code this}. */
    private CompletableFuture<FusionState> inFlight;

    /** Told of every refresh's outcome as it is installed (metrics), with how long the refresh took. */
    @FunctionalInterface
    interface RefreshListener {
        void refreshed(FusionState next, Duration took);
    }

    FusionRefresh(List<CellInfo> cells, Function<FusionPath, CellFetcher> fetchers, CellCallers callers, Clock clock,
                  Supplier<RefreshPolicy> policy, RefreshListener listener) {
        this.fetchers = fetchers;
        this.callers = callers;
        this.clock = clock;
        this.policy = policy;
        this.listener = listener;
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

    /**
     * The state a reader should use now; starts a refresh when one is due and waits for it as the
     * mode says, never longer than the deadline.
     *
     * @param path the path the cell calls of a refresh started here carry
     * @throws FusionUnavailableException when there is no merge and none arrived within the deadline
     */
    FusionState readable(FusionPath path) {
        return readable(path, policy.get().deadline());
    }

    /** Same, waiting at most {@code maxWait} when that is shorter than the deadline. */
    FusionState readable(FusionPath path, Duration maxWait) {
        RefreshPolicy current = policy.get();
        Duration wait = maxWait.compareTo(current.deadline()) < 0 ? maxWait : current.deadline();
        Deadline deadline = Deadline.after(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait);
        while (true) {
            FusionState seen = state;
            CompletableFuture<FusionState> refresh = startIfDue(current, path);
            if (refresh == null || (seen.hasMerge() && current.mode() == RefreshPolicy.Mode.BACKGROUND)) {
                return seen;
            }
            FusionState after = await(refresh, deadline);
            if (after == null || (!after.hasMerge() && deadline.passed())) {
                if (seen.hasMerge()) {
                    return seen;
                }
                throw new FusionUnavailableException("The fusion has no merge yet: its cells did not answer within "
                        + (wait.equals(current.deadline()) ? FusionConfig.DEADLINE_KEY + " = " + wait.toMillis() + " ms"
                                : wait.toMillis() + " ms (the share of the calling fusion's " + FusionBudget.HEADER + ")")
                        + "; the refresh goes on, try again later");
            }
            if (after.generation() == seen.generation()) {
                return after;
            }
            // the cell list was replaced meanwhile: read the new list, within the same deadline
        }
    }

    /**
     * Why the merge being served may lack the cells' latest rows ({@code fusionMerge.staleReason}),
     * or null when it is as fresh as the interval allows.
     */
    String staleReason(Instant now) {
        FusionState current = state;
        if (!current.hasMerge()) {
            return null;
        }
        if (current.lastAttemptFailed()) {
            return "the last refresh failed (see params.fusion_fetch_error): this is the last good merge";
        }
        RefreshPolicy settings = policy.get();
        // while a refresh runs the state is due (its attempt is only recorded when it installs)
        if (!current.due(now, settings.interval())) {
            return null;
        }
        return settings.mode() == RefreshPolicy.Mode.BACKGROUND
                ? "a refresh runs in the background (" + FusionConfig.REFRESH_MODE_KEY + "=background): this is the previous merge"
                : "the refresh did not finish within " + FusionConfig.DEADLINE_KEY + " = " + settings.deadline().toMillis()
                        + " ms: this is the last good merge";
    }

    /** A new cell list: the merge of the old one is dropped, so the next read fetches the new cells at once. */
    synchronized void replaceCells(List<CellInfo> cells) {
        state = FusionState.initial(state.generation() + 1, cells);
        inFlight = null;
        version.incrementAndGet();
    }

    /** @return the refreshed state, or null when the deadline passed first or the refresh broke */
    private static FusionState await(CompletableFuture<FusionState> refresh, Deadline deadline) {
        try {
            return refresh.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private synchronized CompletableFuture<FusionState> startIfDue(RefreshPolicy current, FusionPath path) {
        if (inFlight != null) {
            return inFlight;
        }
        Instant startedAt = clock.instant();
        if (!state.due(startedAt, current.interval())) {
            return null;
        }
        FusionState base = state;
        Deadline deadline = Deadline.after(current.deadline());
        CellFetcher fetcher = fetchers.apply(path);
        AnswerLimit limit = current.answerLimit(base.cells().size());
        List<CompletableFuture<CellAnswer>> answers = new ArrayList<>(base.cells().size());
        for (int k = 0; k < base.cells().size(); k++) {
            answers.add(callers.ask(fetcher, new CellCall(base.cells().get(k), base.snapshots().get(k), limit, deadline)));
        }
        // every answer is complete by the deadline (CellCallers.ask), and all are complete here
        CompletableFuture<FusionState> refresh = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> FusionMerge.next(base, answers.stream().map(answer -> answer.getNow(null)).toList(),
                        current, startedAt, clock.instant()))
                .thenApply(this::install);
        inFlight = refresh;
        refresh.whenComplete((installed, failure) -> finished(refresh, failure));
        return refresh;
    }

    /** Swaps in the next state, unless the cell list changed while the cells were asked. */
    private synchronized FusionState install(FusionState next) {
        listener.refreshed(next, Duration.between(next.lastAttempt(), clock.instant()));
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
