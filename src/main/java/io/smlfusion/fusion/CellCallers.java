package io.smlfusion.fusion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The threads that call cells, and the timer that holds each call to its {@link Deadline}.
 *
 * <p>A fixed number of managed threads ({@code smlfusion.fusion.cell.threads}, read at start;
 * application context, stopped with the application), with a bounded queue behind them: however
 * many cells a request names and however long they take to answer, this server runs at most that
 * many cell calls at once. A call still queued at its deadline is never started.
 *
 * <p>Not the {@code ManagedExecutorService}: on Liberty its tasks run on the same global pool that
 * serves HTTP requests, and a cell is often a project of the fusion's own server. Cell calls
 * blocked on the network would then hold the very threads the cells' answers need (seen on 2 cores
 * with six cells on the same server).
 */
@ApplicationScoped
public class CellCallers {

    /** Calls waiting for a thread; more are answered {@code ERROR} at once. */
    static final int QUEUE = 4096;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    FusionConfig config;

    private Executor pool;
    private ScheduledExecutorService timer;
    private ThreadPoolExecutor ownPool;

    public CellCallers() {
    }

    /** For tests: cell calls on {@code pool}, deadlines on {@code timer}. */
    CellCallers(Executor pool, ScheduledExecutorService timer) {
        this.pool = pool;
        this.timer = timer;
    }

    @PostConstruct
    void start() {
        ownPool = boundedPool(config.cellThreads(), threads);
        pool = ownPool;
        timer = deadlineTimer(threads);
    }

    /**
     * One thread; a cancelled deadline leaves its queue at once. Every call schedules up to three
     * deadlines and nearly all are cancelled when the answer comes; kept until they fall due (the
     * JDK's default), a busy fusion's queue grew to thousands, and ordering it was a tenth of a
     * refresh's CPU (JFR, docs/performance.md "Profiling a refresh").
     */
    private static ScheduledThreadPoolExecutor deadlineTimer(ThreadFactory factory) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, factory);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** At most {@code size} threads, each let go after 60 s idle, and at most {@value #QUEUE} calls waiting. */
    static ThreadPoolExecutor boundedPool(int size, ThreadFactory factory) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @PreDestroy
    void stop() {
        ownPool.shutdownNow();
        timer.shutdownNow();
    }

    /**
     * Asks one cell on a pool thread. The answer is complete by the deadline whatever the cell does:
     * {@code TIMEOUT} if the call has not finished by then.
     */
    CompletableFuture<CellAnswer> ask(CellFetcher fetcher, CellCall call) {
        CellInfo cell = call.cell();
        Deadline deadline = call.deadline();
        CompletableFuture<CellAnswer> answer = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                if (!answer.isDone()) {
                    answer.complete(fetcher.answer(call));
                }
            });
        } catch (RejectedExecutionException full) {
            answer.complete(CellAnswer.failed(cell, new CellFailure(CellStatus.ERROR,
                    "more than " + QUEUE + " cell calls are waiting for one of the " + FusionConfig.THREADS_KEY + " threads")));
        }
        if (!answer.isDone()) {
            ScheduledFuture<?> timeout = atDeadline(deadline, () -> answer.complete(CellAnswer.failed(cell, deadline.exceeded())));
            answer.whenComplete((done, failure) -> timeout.cancel(false));
        }
        return answer;
    }

    /**
     * Asks every cell in parallel, unconditionally, and waits for all answers, at most until the
     * deadline; answers in list order.
     */
    List<CellAnswer> askAll(CellFetcher fetcher, List<CellInfo> cells, long maxCellBytes, Deadline deadline) {
        List<CompletableFuture<CellAnswer>> asked = cells.stream().map(cell -> ask(fetcher, CellCall.probe(cell, maxCellBytes, deadline))).toList();
        List<CellAnswer> answers = new ArrayList<>(cells.size());
        for (int k = 0; k < cells.size(); k++) {
            answers.add(await(asked.get(k), cells.get(k), deadline));
        }
        return answers;
    }

    /** Runs {@code action} when the deadline passes, unless the returned future is cancelled first. */
    ScheduledFuture<?> atDeadline(Deadline deadline, Runnable action) {
        return timer.schedule(action, deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The timer completes every asked answer at the deadline; the grace only covers the timer's own lateness. */
    private static CellAnswer await(CompletableFuture<CellAnswer> answer, CellInfo cell, Deadline deadline) {
        try {
            return answer.get(deadline.remaining().plus(Duration.ofSeconds(1)).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return CellAnswer.failed(cell, deadline.exceeded());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CellAnswer.failed(cell, deadline.exceeded());
        }
    }
}
