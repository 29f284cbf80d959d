package io.smlfusion.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.smlfusion.ingest.ArrowFrameReader;
import io.smlfusion.it.SocketClient;
import io.smlfusion.security.RequestSigner;
import io.smlfusion.security.SignedRequest;

/**
 * HTTP load client for ingestion: pushes signed, batched DataFrames to a running server's
 * {@code learn} endpoint from several connections and reports rows/s and MB/s end to end
 * (signing, transfer, verification, parsing, learning).
 *
 * <p>Usage (see {@code bin/load-ingest}): {@code IngestLoadClient [--host URL] [--cid C] [--secret S]
 * [--p 8] [--rows 10000] [--requests 200] [--connections 4] [--persist false|true|both] [--rounds 1]
 * [--transport rest|ws] [--format json|arrow] [--window 1] [--socket jdk|premasked]}.
 * Bodies are generated before the clock starts, with distinct random values, so the client measures
 * the server and not its own JSON writing. With {@code --persist true} the project is created with
 * {@code persist=true}, so every learn is acknowledged only once it is in the write-ahead journal;
 * {@code both} runs a project of each kind per round (alternating which goes first) and reports the
 * medians and their ratio, so both are measured under the same load of the machine. Each run is
 * bounded by {@code --requests} and stops by itself. With {@code --transport ws} each connection is
 * a WebSocket to {@code ws/learn}: its first message carries the signed header block, the others
 * travel alone; {@code --window} messages may be unanswered per connection (the server answers
 * each before reading the next, so more than one lets the next message cross the network while
 * the server learns). With {@code --format arrow} each body is the same numbers as an Arrow IPC
 * stream of float64 columns ({@value ArrowFrameReader#MEDIA_TYPE}), sent over WebSocket as a
 * binary message. {@code --socket premasked} sends WebSocket messages through
 * {@link PremaskedWebSocket}, whose frames are built once, instead of the JDK's client, which
 * spends more CPU per message than the server on the shared cores.
 */
public final class IngestLoadClient {

    private static final String JSON = "application/json";

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        RequestSigner signer = new RequestSigner(o.cid, o.secret, Clock.systemUTC());
        List<byte[]> bodies = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < Math.min(o.requests, 16); i++) {
            bodies.add(o.format.equals("arrow") ? ArrowFrames.stream(o.p, o.rows, random) : dataFrame(o.p, o.rows, random));
        }
        List<Boolean> persistModes = o.persist.equals("both") ? List.of(false, true) : List.of(Boolean.parseBoolean(o.persist));
        Map<Boolean, List<Double>> rowsPerSecond = new LinkedHashMap<>();
        long failures = 0;
        for (int round = 0; round < o.rounds; round++) {
            // alternate the order, so a drift of the machine's load favours neither mode
            List<Boolean> order = new ArrayList<>(persistModes);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (boolean persist : order) {
                Run run = run(http, signer, o, persist, bodies);
                failures += run.failures();
                rowsPerSecond.computeIfAbsent(persist, k -> new ArrayList<>()).add(run.rowsPerSecond());
                System.out.printf(Locale.ROOT, "round %d persist=%b: %.2f s, %.0f rows/s, %.1f MB/s, %d failures%n",
                        round + 1, persist, run.seconds(), run.rowsPerSecond(), run.megabytesPerSecond(), run.failures());
            }
        }
        System.out.printf(Locale.ROOT, "transport=%s format=%s p=%d rows/request=%d (%d bytes) requests=%d connections=%d rounds=%d%n",
                o.transport, o.format, o.p, o.rows, bodies.get(0).length, o.requests, o.connections, o.rounds);
        rowsPerSecond.forEach((persist, values) -> System.out.printf(Locale.ROOT, "persist=%b: median %.0f rows/s%n",
                persist, median(values)));
        if (rowsPerSecond.size() == 2) {
            System.out.printf(Locale.ROOT, "persisted / not persisted: %.2f%n",
                    median(rowsPerSecond.get(true)) / median(rowsPerSecond.get(false)));
        }
        if (failures > 0) {
            System.exit(1);
        }
    }

    /** One timed run into a new project, deleted afterwards. */
    private static Run run(HttpClient http, RequestSigner signer, Options o, boolean persist, List<byte[]> bodies)
            throws Exception {
        String pid = "load" + System.nanoTime();
        send(http, signer, o, "POST", "/symetry/rest/" + o.cid + "/projects", "pid=" + pid + "&persist=" + persist,
                "{}".getBytes(StandardCharsets.UTF_8), JSON);
        if (o.transport.equals("ws")) {
            return overWebSocket(http, signer, o, pid, bodies);
        }
        String path = "/symetry/rest/" + o.cid + "/projects/" + pid + "/learn";
        String contentType = o.format.equals("arrow") ? ArrowFrameReader.MEDIA_TYPE : JSON;
        ExecutorService pool = Executors.newFixedThreadPool(o.connections);
        AtomicLong bytes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int r = 0; r < o.requests; r++) {
            byte[] body = bodies.get(r % bodies.size());
            sent.add(pool.submit(() -> {
                int status = send(http, signer, o, "POST", path, null, body, contentType);
                if (status != 200) {
                    failures.incrementAndGet();
                }
                bytes.addAndGet(body.length);
                return status;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        send(http, signer, o, "DELETE", "/symetry/rest/" + o.cid + "/projects/" + pid, null, null, JSON);
        return new Run(seconds, (double) o.requests * o.rows / seconds, bytes.get() / seconds / 1e6, failures.get());
    }

    /**
     * The same requests over {@code o.connections} WebSockets, each sending its share in turn with
     * at most {@code o.window} messages unanswered: text DataFrames, or Arrow streams as binary messages.
     */
    private static Run overWebSocket(HttpClient http, RequestSigner signer, Options o, String pid, List<byte[]> bodies)
            throws Exception {
        boolean binary = o.format.equals("arrow");
        String url = o.host.replaceFirst("^http", "ws") + "/symetry/ws/learn";
        List<byte[]> frames = o.socket.equals("premasked")
                ? bodies.stream().map(body -> PremaskedWebSocket.frame(body, !binary)).toList() : List.of();
        List<String> texts = binary || o.socket.equals("premasked")
                ? List.of() : bodies.stream().map(body -> new String(body, StandardCharsets.UTF_8)).toList();
        List<LearnSocket> sockets = new ArrayList<>();
        for (int c = 0; c < o.connections; c++) {
            sockets.add(o.socket.equals("premasked") ? new Premasked(url, o, pid, bodies, frames, binary) : new Jdk(o, pid, bodies, texts, binary));
        }
        ExecutorService pool = Executors.newFixedThreadPool(o.connections);
        AtomicLong bytes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < o.connections; c++) {
            LearnSocket socket = sockets.get(c);
            int first = c;
            sent.add(pool.submit(() -> {
                int unanswered = 0;
                for (int r = first; r < o.requests; r += o.connections) {
                    if (unanswered == o.window) {
                        check(socket.answer(), failures);
                        unanswered--;
                    }
                    socket.send(r % bodies.size(), r == first);
                    unanswered++;
                    bytes.addAndGet(bodies.get(r % bodies.size()).length);
                }
                for (; unanswered > 0; unanswered--) {
                    check(socket.answer(), failures);
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        for (LearnSocket socket : sockets) {
            socket.close();
        }
        send(http, signer, o, "DELETE", "/symetry/rest/" + o.cid + "/projects/" + pid, null, null, JSON);
        return new Run(seconds, (double) o.requests * o.rows / seconds, bytes.get() / seconds / 1e6, failures.get());
    }

    /** One connection to {@code ws/learn} sending the prepared bodies by index; the first it sends carries the signed header block. */
    private interface LearnSocket extends AutoCloseable {

        void send(int body, boolean first) throws Exception;

        String answer() throws Exception;
    }

    /** Through the JDK's WebSocket client ({@link SocketClient}): masks and copies each message as it sends it. */
    private static final class Jdk implements LearnSocket {

        private final SocketClient socket;
        private final String pid;
        private final List<byte[]> bodies;
        private final List<String> texts;
        private final boolean binary;

        /** @param texts the bodies as text, for DataFrames sent as text messages */
        Jdk(Options o, String pid, List<byte[]> bodies, List<String> texts, boolean binary) {
            this.socket = new SocketClient(o.host, "learn", o.cid, o.secret);
            this.pid = pid;
            this.bodies = bodies;
            this.texts = texts;
            this.binary = binary;
        }

        @Override
        public void send(int body, boolean first) {
            if (binary) {
                socket.send(first ? socket.signed(bodies.get(body), SocketClient.SigningForm.VENDOR_CLIENT, pid) : bodies.get(body));
            } else {
                socket.send(first ? socket.signed(texts.get(body), SocketClient.SigningForm.VENDOR_CLIENT, pid) : texts.get(body));
            }
        }

        @Override
        public String answer() throws InterruptedException {
            return socket.answer();
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /** Through {@link PremaskedWebSocket}: each body's frame built once, so a send is one socket write. */
    private static final class Premasked implements LearnSocket {

        private final PremaskedWebSocket socket;
        private final String url;
        private final Options o;
        private final String pid;
        private final List<byte[]> bodies;
        private final List<byte[]> frames;
        private final boolean binary;

        Premasked(String url, Options o, String pid, List<byte[]> bodies, List<byte[]> frames, boolean binary) throws IOException {
            this.socket = new PremaskedWebSocket(URI.create(url));
            this.url = url;
            this.o = o;
            this.pid = pid;
            this.bodies = bodies;
            this.frames = frames;
            this.binary = binary;
        }

        @Override
        public void send(int body, boolean first) throws IOException {
            socket.send(first ? PremaskedWebSocket.frame(SocketClient.signedMessage(url, o.cid, o.secret, bodies.get(body),
                    SocketClient.SigningForm.VENDOR_CLIENT, pid), !binary) : frames.get(body));
        }

        @Override
        public String answer() throws IOException {
            return socket.answer();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static void check(String answer, AtomicLong failures) {
        if (!answer.startsWith("{\"statusCode\":\"OK\"")) {
            System.err.println("ws/learn -> " + answer);
            failures.incrementAndGet();
        }
    }

    private record Run(double seconds, double rowsPerSecond, double megabytesPerSecond, long failures) {
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static int send(HttpClient http, RequestSigner signer, Options o, String verb, String path, String query, byte[] body,
                            String contentType) throws Exception {
        SignedRequest signed = signer.sign(verb, path, query, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(o.host + path + (query == null ? "" : "?" + query)))
                .method(verb, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        signed.headers().forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            System.err.println(verb + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.statusCode();
    }

    /** A DataFrame of {@code rows} rows and {@code p} continuous columns with values like {@code 12.3456}. */
    static byte[] dataFrame(int p, int rows, SplittableRandom random) {
        StringBuilder json = new StringBuilder(rows * p * 12 + 64).append("{\"attributeNames\":[");
        for (int j = 0; j < p; j++) {
            json.append(j == 0 ? "" : ",").append("\"x").append(j).append('"');
        }
        json.append("],\"attributeTypes\":[");
        for (int j = 0; j < p; j++) {
            json.append(j == 0 ? "\"C\"" : ",\"C\"");
        }
        json.append("],\"data\":[");
        for (int r = 0; r < rows; r++) {
            json.append(r == 0 ? "[" : ",[");
            for (int j = 0; j < p; j++) {
                json.append(j == 0 ? "\"" : ",\"").append(String.format(Locale.ROOT, "%.4f", random.nextDouble(-100, 100))).append('"');
            }
            json.append(']');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final class Options {
        String host = System.getenv().getOrDefault("SML_HOST", "http://localhost:9080");
        String cid = System.getenv().getOrDefault("SML_CID", "c1");
        String secret = System.getenv("SML_SECRET");
        int p = 8;
        int rows = 10_000;
        int requests = 200;
        int connections = 4;
        String persist = "false";
        int rounds = 1;
        String transport = "rest";
        String format = "json";
        int window = 1;
        String socket = "jdk";

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--host" -> o.host = value;
                    case "--cid" -> o.cid = value;
                    case "--secret" -> o.secret = value;
                    case "--p" -> o.p = Integer.parseInt(value);
                    case "--rows" -> o.rows = Integer.parseInt(value);
                    case "--requests" -> o.requests = Integer.parseInt(value);
                    case "--connections" -> o.connections = Integer.parseInt(value);
                    case "--persist" -> o.persist = value;
                    case "--rounds" -> o.rounds = Integer.parseInt(value);
                    case "--transport" -> o.transport = value;
                    case "--format" -> o.format = value;
                    case "--window" -> o.window = Integer.parseInt(value);
                    case "--socket" -> o.socket = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (!List.of("true", "false", "both").contains(o.persist)) {
                throw new IllegalArgumentException("--persist takes true, false or both, not " + o.persist);
            }
            if (!List.of("rest", "ws").contains(o.transport)) {
                throw new IllegalArgumentException("--transport takes rest or ws, not " + o.transport);
            }
            if (!List.of("json", "arrow").contains(o.format)) {
                throw new IllegalArgumentException("--format takes json or arrow, not " + o.format);
            }
            if (!List.of("jdk", "premasked").contains(o.socket)) {
                throw new IllegalArgumentException("--socket takes jdk or premasked, not " + o.socket);
            }
            if (o.window < 1) {
                throw new IllegalArgumentException("--window takes a number of messages, at least 1, not " + o.window);
            }
            if (o.secret == null) {
                throw new IllegalArgumentException("give the customer's key with --secret or SML_SECRET");
            }
            return o;
        }
    }
}
