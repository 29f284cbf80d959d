package io.smlfusion.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.smlfusion.fusion.CellInfo;
import io.smlfusion.fusion.CellList;
import io.smlfusion.it.KafkaBroker;
import io.smlfusion.it.SignedClient;
import io.smlfusion.it.StreamCalls;
import io.smlfusion.it.StreamTopics;
import io.smlfusion.security.BodyEncryption;

/**
 * {@code bin/bench-stream}: Kafka streams into a running server. For each cell count it creates
 * that many cell projects whose streams form one consumer group of a fresh six-partition topic,
 * produces the records and reports rows/s from the first record produced to the last row applied;
 * then, with a fusion over those cells, the freshness: from producing one record to the fused
 * answer counting it (which includes the fusion's minimum refresh interval).
 *
 * <pre>
 * bin/bench-stream --secret KEY [--host http://localhost:9080] [--cid c1] [--bootstrap host:port]
 *                  [--records 200000] [--cells 1,3] [--persist false] [--freshness 5]
 * </pre>
 * Without {@code --bootstrap} a single-node broker is started in this JVM (under target/), so the
 * server must run on this machine.
 */
public final class StreamLoad {

    private StreamLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String host = o.getOrDefault("host", "http://localhost:9080");
        String cid = o.getOrDefault("cid", "c1");
        String secret = o.get("secret");
        if (secret == null) {
            throw new IllegalArgumentException("--secret KEY is required (the key of --cid)");
        }
        String bootstrap = o.containsKey("bootstrap") ? o.get("bootstrap")
                : KafkaBroker.start(Path.of("target", "bench-kafka")).bootstrapServers();
        int records = Integer.parseInt(o.getOrDefault("records", "200000"));
        boolean persist = Boolean.parseBoolean(o.getOrDefault("persist", "false"));
        int freshnessSamples = Integer.parseInt(o.getOrDefault("freshness", "5"));
        SignedClient client = new SignedClient(host, cid, secret);
        StreamCalls streams = new StreamCalls(client, secret);
        try (StreamTopics topics = new StreamTopics(bootstrap)) {
            for (String count : o.getOrDefault("cells", "1,3").split(",")) {
                run(client, streams, topics, host, secret, Integer.parseInt(count.trim()), records, persist, freshnessSamples);
            }
        }
        System.exit(0);
    }

    /**
     * Records per freshness sample: 10 per partition of the six, so that every cell of up to six
     * learns the default minimum change (smlfusion.export.min.delta.rows, 10 rows) and releases a new
     * export; a single record would stay invisible to the fusion, by design.
     */
    private static final int FRESHNESS_BURST = 60;

    private static void run(SignedClient client, StreamCalls streams, StreamTopics topics, String host, String secret, int cells,
                            int records, boolean persist, int freshnessSamples) throws Exception {
        String run = "bench" + System.nanoTime();
        String topic = run + "-t";
        topics.create(topic, 6);
        List<String> pids = new ArrayList<>();
        for (int c = 1; c <= cells; c++) {
            String pid = run + "-c" + c;
            pids.add(pid);
            require(client.post("projects?pid=" + pid + (persist ? "&persist=true" : ""), "{}"), 201);
            String task = StreamCalls.jsonXy("k", topics.bootstrap(), topic, run + "-g").build().toString()
                    .replace("\"format\":\"json\"", "\"format\":\"json\",\"maxPollRecords\":5000");
            require(streams.create(pid, task), 201);
            streams.start(pid, "k");
        }
        topics.awaitGroup(run + "-g", cells);
        Random random = new Random(cells);
        double[] x = random.doubles(records).toArray();
        Instant start = Instant.now();
        topics.send(topic, 6, 0, records, i -> "{\"x\":" + x[i] + ",\"y\":" + (i % 7) + "}");
        Duration produced = Duration.between(start, Instant.now());
        long applied = awaitApplied(streams, pids, records);
        Duration consumed = Duration.between(start, Instant.now());
        System.out.printf(Locale.ROOT, "cells=%d persist=%s records=%d applied=%d produced in %.2f s, applied in %.2f s: %.0f rows/s (load average %s)%n",
                cells, persist, records, applied, produced.toMillis() / 1000.0, consumed.toMillis() / 1000.0,
                applied / (consumed.toMillis() / 1000.0), loadAverage());

        String fusion = run + "-f";
        List<CellInfo> cellList = pids.stream().map(pid -> new CellInfo(host, client.cid(), secret, pid)).toList();
        require(client.post("projects/fusion/create?pid=" + fusion, BodyEncryption.AES_CBC.codec().encrypt(secret, CellList.toJson(cellList))), 201);
        long[] millis = new long[freshnessSamples];
        for (int s = 0; s < freshnessSamples; s++) {
            long before = streams.rowCount(fusion);
            Instant sent = Instant.now();
            topics.send(topic, 6, 0, FRESHNESS_BURST, i -> "{\"x\":0.5,\"y\":1}");
            Instant deadline = sent.plus(Duration.ofMinutes(2));
            while (streams.rowCount(fusion) < before + FRESHNESS_BURST) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the fusion did not count a burst of " + FRESHNESS_BURST + " records in 2 minutes");
                }
                Thread.sleep(20);
            }
            millis[s] = Duration.between(sent, Instant.now()).toMillis();
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "cells=%d freshness (burst of %d records produced -> counted by the fusion): median %d ms, max %d ms over %d bursts (load average %s)%n",
                cells, FRESHNESS_BURST, millis[millis.length / 2], millis[millis.length - 1], freshnessSamples, loadAverage());
        client.delete("projects/" + fusion);
        for (String pid : pids) {
            client.delete("projects/" + pid);
        }
    }

    private static long awaitApplied(StreamCalls streams, List<String> pids, long records) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        long applied = 0;
        while (applied < records && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            applied = 0;
            for (String pid : pids) {
                applied += streams.metrics(pid, "k").getJsonNumber("rowsApplied").longValue();
            }
        }
        return applied;
    }

    private static void require(SignedClient.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + reply);
        }
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
