package io.smlfusion.fusion;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The threads that call cells: managed threads (application context, stopped with the
 * application) of their own, created on demand and kept 60 s when idle.
 *
 * <p>Not the {@code ManagedExecutorService}: on Liberty its tasks run on the same global pool that
 * serves HTTP requests, and a cell is often a project of the fusion's own server. Cell calls
 * blocked on the network would then hold the very threads the cells' answers need, and on a small
 * machine the calls time out although every cell is healthy (seen on 2 cores with six cells on the
 * same server). The number of threads is bounded by fusions × cells, since each fusion has at most
 * one refresh in flight.
 */
@ApplicationScoped
public class CellCallers implements Executor {

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService pool;

    @PostConstruct
    void start() {
        pool = Executors.newCachedThreadPool(threads);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Override
    public void execute(Runnable call) {
        pool.execute(call);
    }
}
