package io.smlfusion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.smlfusion.security.AesCbcFixedIvCodec;
import io.smlfusion.security.AuthenticationException;
import io.smlfusion.security.IncomingRequest;
import io.smlfusion.security.ReplayGuard;
import io.smlfusion.security.SignatureVerifier;

/** The whole command, with a loopback JDK HTTP server standing in for sml-fusion's filter. */
class SmlCliTest {

    private static final String SECRET = CliArgumentsTest.SECRET;
    private static final String CELLS = "{\"values\":[{\"host\":\"http://charm:8080\",\"cid\":\"c1\",\"sk\":\"EYpWjGPaoMoFUb/jfW95PQ==\",\"pid\":\"p0\"}]}";
    private static final String CELLS_ENCRYPTED = "lDgQ8zD6iSla6le9uzCcfRf4ANQ5t8f5IWiVfUSe5OCd1U9SfQpq5uG1Ofv5rWqGCrQ/kg09FwPMLYm9cJMZDkpOc1rcaCEZDINIJ++0E9b4+hfl87XMTi1tRRJLmxNL";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>(CliArgumentsTest.ENV);
    private HttpServer server;
    private String lastBody;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void encryptsAndDecryptsLikeTheSpec() {
        assertEquals(0, run("encrypt", CELLS));
        assertEquals(CELLS_ENCRYPTED, stdout().strip());
        out.reset();
        assertEquals(0, run("decrypt", CELLS_ENCRYPTED));
        assertEquals(CELLS, stdout().strip());
    }

    @Test
    void decryptsFromStdinAndFiles(@TempDir Path dir) throws IOException {
        String sealed = new AesCbcFixedIvCodec().encrypt(SECRET, "{\"a\":1}");
        assertEquals(0, runWithStdin(sealed + "\n", "decrypt", "-"));
        assertEquals("{\"a\":1}", stdout().strip());
        out.reset();
        Path file = Files.writeString(dir.resolve("sealed.b64"), sealed);
        assertEquals(0, run("decrypt", "@" + file));
        assertEquals("{\"a\":1}", stdout().strip());
    }

    @Test
    void gcmRoundTripsThroughTheCommandLine() {
        assertEquals(0, run("encrypt", "--scheme", "aes-gcm", CELLS));
        String sealed = stdout().strip();
        out.reset();
        assertEquals(0, run("decrypt", "--scheme", "aes-gcm", sealed));
        assertEquals(CELLS, stdout().strip());
    }

    @Test
    void undecryptableInputFails() {
        assertEquals(1, run("decrypt", "--scheme", "aes-gcm", CELLS_ENCRYPTED));
        assertTrue(stderr().contains("could not be decrypted"), stderr());
    }

    @Test
    void usageErrorsExitWith2() {
        env.remove("SML_SECRET");
        assertEquals(2, run("GET", "projects"));
        assertTrue(stderr().contains("SML_SECRET"), stderr());
        assertEquals(2, run("decrypt", "@/no/such/file"));
    }

    @Test
    void helpExitsWith0() {
        assertEquals(0, run("--help"));
        assertTrue(stdout().startsWith("usage: bin/sml"));
    }

    @Test
    void aSignedCallIsAcceptedAndItsAnswerPrinted() throws IOException {
        startServer();
        assertEquals(0, run("POST", "projects/fusion/create?pid=f1&persist=true", CELLS, "--encrypt", "-v"));
        assertEquals("{\"statusCode\":\"OK\",\"statusString\":\"OK\",\"values\":{}}", stdout().strip());
        assertEquals(CELLS_ENCRYPTED, lastBody);
        assertTrue(stderr().contains(">   SECRETKEY"), stderr());
        assertFalse(stderr().contains(SECRET), stderr());
        assertTrue(stderr().contains("< 200"), stderr());
    }

    @Test
    void aBodylessCallIsAccepted() throws IOException {
        startServer();
        assertEquals(0, run("GET", "projects/f1/info"));
    }

    @Test
    void aRefusedCallExitsWith1() throws IOException {
        startServer();
        assertEquals(1, run("GET", "projects", "--secret", "EYpWjGPaoMoFUb/jfW95PQ=="));
        assertTrue(stdout().contains("Invalid Signature"), stdout());
    }

    @Test
    void anUnreachableHostExitsWith1() throws IOException {
        startServer();
        String host = env.get("SML_HOST");
        server.stop(0);
        server = null;
        assertEquals(1, run("GET", "projects", "--host", host));
        assertNotEquals("", stderr());
    }

    private void startServer() throws IOException {
        SignatureVerifier verifier = new SignatureVerifier(cid -> Optional.of(SECRET).filter(s -> cid.equals("c1")),
                Clock.systemUTC(), new ReplayGuard());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/symetry/rest/", exchange -> answer(exchange, verifier));
        server.start();
        env.put("SML_HOST", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange, SignatureVerifier verifier) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        lastBody = new String(body, StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        String cid = uri.getRawPath().split("/")[3];
        int status;
        String answer;
        try {
            verifier.verify(new IncomingRequest(exchange.getRequestMethod(), uri.getRawPath(), null, uri.getRawQuery(), body,
                    exchange.getRequestHeaders()::getFirst, cid));
            status = 200;
            answer = "{\"statusCode\":\"OK\",\"statusString\":\"OK\",\"values\":{}}";
        } catch (AuthenticationException e) {
            status = e.status();
            answer = "{\"statusCode\":\"UNAUTHORIZED\",\"statusString\":\"" + e.statusString() + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private int run(String... args) {
        return runWithStdin("", args);
    }

    private int runWithStdin(String stdin, String... args) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new SmlCli(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), http, false).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
