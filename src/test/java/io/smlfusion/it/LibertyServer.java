package io.smlfusion.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Stops and starts a server of the runtime the build unpacked, the way an operator would. */
public final class LibertyServer {

    private static final Path SERVER_SCRIPT = Path.of("target", "liberty", "wlp", "bin", "server");

    private final String name;
    private final String baseUrl;

    public LibertyServer(String name, String baseUrl) {
        this.name = name;
        this.baseUrl = baseUrl;
    }

    public void stop() {
        run("stop");
    }

    /**
     * Kills the server's JVM with SIGKILL ({@code kill -9}): no shutdown hook, no clean close of the
     * database. The JVM is found through the pid file the {@code server} script writes
     * ({@code <output dir>/.pid/<name>.pid}).
     */
    public void kill() {
        Path pidFile = SERVER_SCRIPT.getParent().getParent().resolve(Path.of("usr", "servers", ".pid", name + ".pid"));
        ProcessHandle jvm;
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            jvm = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("server " + name + " (pid " + pid + ") is not running"));
        } catch (IOException e) {
            throw new IllegalStateException("no pid file " + pidFile + ": was server " + name + " started by the server script?", e);
        }
        jvm.destroyForcibly();
        try {
            jvm.onExit().get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("server " + name + " did not die after SIGKILL", e);
        }
    }

    /** Starts the server (a running one stays as it is) and waits until its readiness probe is UP. */
    public void start() {
        run("start");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                var ready = SignedClient.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).build());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // the HTTP endpoint is not up yet
            }
            sleep(250);
        }
        throw new IllegalStateException("server " + name + " was not ready within 3 minutes");
    }

    private void run(String action) {
        try {
            Process process = new ProcessBuilder(SERVER_SCRIPT.toString(), action, name).inheritIO().start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("server " + action + " " + name + " did not finish");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + SERVER_SCRIPT + " " + action + " " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
