package io.smlfusion.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A cell host the fusion ITs control, on a local port: it answers any export call with the bytes it
 * is given (no signature check), optionally after a {@link #delay}, or — once told to {@link #hang()} —
 * accepts and never answers.
 */
final class CellStub implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile byte[] snapshot;
    private volatile boolean hanging;
    private volatile long delayMillis;

    CellStub(byte[] snapshot) throws IOException {
        this.snapshot = snapshot;
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/symetry/rest/", exchange -> {
            if (hanging) {
                await();
                exchange.close();
                return;
            }
            if (delayMillis > 0) {
                pause(delayMillis);
            }
            byte[] body = this.snapshot;
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String host() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    void answer(byte[] bytes) {
        snapshot = bytes;
    }

    void hang() {
        hanging = true;
    }

    /** Answers each call only after {@code millis}: a slow cell. */
    void delay(long millis) {
        delayMillis = millis;
    }

    private void await() {
        pause(TimeUnit.MINUTES.toMillis(2));
    }

    private void pause(long millis) {
        try {
            closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
