package io.smlfusion.fusion;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * Cells in memory: answers a copy of each cell's statistics or its failure, counts the calls, and can
 * hold answers back. Like a cell, each set of statistics gets a new version (its ETag), and a call
 * whose kept snapshot has the current one is answered unchanged, as a {@code 304} would be.
 */
final class FakeCellFetcher implements CellFetcher {

    private final Clock clock;
    private final Map<String, ProjectStatistics> statistics = new ConcurrentHashMap<>();
    private final Map<String, CellFailure> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    FakeCellFetcher(Clock clock) {
        this.clock = clock;
    }

    FakeCellFetcher answer(CellInfo cell, ProjectStatistics cellStatistics) {
        failures.remove(cell.pid());
        statistics.put(cell.pid(), cellStatistics);
        versions.merge(cell.pid(), 1, Integer::sum);
        return this;
    }

    FakeCellFetcher fail(CellInfo cell, CellStatus status, String reason) {
        failures.put(cell.pid(), new CellFailure(status, reason));
        return this;
    }

    /** From now on every fetch waits until {@link #open()}. */
    void close() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    int calls(CellInfo cell) {
        return calls.computeIfAbsent(cell.pid(), pid -> new AtomicInteger()).get();
    }

    @Override
    public CellSnapshot fetch(CellCall call) throws CellFailure {
        CellInfo cell = call.cell();
        calls.computeIfAbsent(cell.pid(), pid -> new AtomicInteger()).incrementAndGet();
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        CellFailure failure = failures.get(cell.pid());
        if (failure != null) {
            throw failure;
        }
        String etag = "\"" + cell.pid() + "-" + versions.get(cell.pid()) + "\"";
        if (call.cached() != null && etag.equals(call.cached().etag())) {
            return call.cached().confirmedAt(clock.instant());
        }
        CellSnapshot exported = TestCells.exported(statistics.get(cell.pid()), clock.instant());
        return new CellSnapshot(exported.statistics(), exported.fetchedAt(), etag, 1000, exported.sha256());
    }
}
