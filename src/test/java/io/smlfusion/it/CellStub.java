package io.smlfusion.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A cell host the fusion ITs control, on a local port: it answers any export call with the bytes it
 * is given (no signature check), optionally after a {@link #delay}, or — once told to {@link #hang()} —
 * accepts and never answers; or with an {@link #endless} body, a {@link #drip}, or an error.
 */
final class CellStub implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile byte[] snapshot;
    private volatile boolean hanging;
    private volatile long delayMillis;
    private volatile long endlessPauseMillis = -1;
    private volatile long declaredLength;
    private volatile int errorStatus;
    private volatile String errorBody;
    private final List<String> paths = new CopyOnWriteArrayList<>();

    CellStub(byte[] snapshot) throws IOException {
        this.snapshot = snapshot;
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/symetry/rest/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            if (hanging) {
                await();
                exchange.close();
                return;
            }
            if (delayMillis > 0) {
                pause(delayMillis);
            }
            if (errorStatus > 0) {
                byte[] body = errorBody.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(errorStatus, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
            if (endlessPauseMillis >= 0) {
                // chunked, or with a declared length it never reaches: bytes until the caller gives up or the stub closes
                exchange.sendResponseHeaders(200, declaredLength);
                try (OutputStream out = exchange.getResponseBody()) {
                    byte[] chunk = new byte[endlessPauseMillis == 0 ? 64 * 1024 : 1];
                    while (closed.getCount() > 0) {
                        out.write(chunk);
                        out.flush();
                        if (endlessPauseMillis > 0) {
                            pause(endlessPauseMillis);
                        }
                    }
                } catch (IOException callerGaveUp) {
                    // the fusion closed the connection: what a bounded caller does
                }
                return;
            }
            byte[] body = this.snapshot;
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

    /** Answers 200 with an endless body, as fast as it goes: chunked ({@code declaredLength} 0) or with that Content-Length. */
    void endless(long declaredLength) {
        this.declaredLength = declaredLength;
        endlessPauseMillis = 0;
    }

    /** Answers 200 and then one byte every {@code millis}, forever: each read is quick, the answer never ends. */
    void drip(long millis) {
        declaredLength = 0;
        endlessPauseMillis = millis;
    }

    /** Answers {@code status} with {@code body}. */
    void fail(int status, String body) {
        errorStatus = status;
        errorBody = body;
    }

    /** The raw paths of the calls received, in order. */
    List<String> paths() {
        return List.copyOf(paths);
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
