package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One pooled client per TLS context, shared by every call, replaced when the connect timeout changes. */
class CellConnectionsTest {

    private final CellConnections connections = new CellConnections();
    private volatile Duration connectTimeout = Duration.ofMillis(5000);

    CellConnectionsTest() {
        connections.config = new FusionConfig() {
            @Override
            public Duration connectTimeout() {
                return connectTimeout;
            }
        };
        connections.transportSecurity = new CellTransportSecurity();
        connections.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable task) {
                return Executors.defaultThreadFactory().newThread(task);
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            }
        };
        connections.start();
    }

    @AfterEach
    void stop() {
        connections.stop();
    }

    @Test
    void callsShareOneClientUntilTheConnectTimeoutChanges() {
        HttpClient first = connections.client("http://localhost:9080");
        assertSame(first, connections.client("http://cell2.example.org:9080"), "one client for every plain-http cell");
        assertEquals(Duration.ofMillis(5000), first.connectTimeout().orElseThrow());

        connectTimeout = Duration.ofMillis(700);
        HttpClient replaced = connections.client("http://localhost:9080");
        assertNotSame(first, replaced, "a client built with the old timeout is not used any more");
        assertEquals(Duration.ofMillis(700), replaced.connectTimeout().orElseThrow());
        assertSame(replaced, connections.client("http://localhost:9080"));

        connectTimeout = Duration.ZERO;
        assertEquals(Duration.ofMillis(1), connections.client("http://localhost:9080").connectTimeout().orElseThrow(),
                "a zero timeout would mean none at all");
    }
}
