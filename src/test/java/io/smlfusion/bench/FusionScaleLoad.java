package io.smlfusion.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import io.smlfusion.fusion.CellInfo;
import io.smlfusion.fusion.CellList;
import io.smlfusion.it.CsvDataFrames;
import io.smlfusion.it.SignedClient;
import io.smlfusion.security.BodyEncryption;

/**
 * How a fusion's refresh scales with its cells (issue 16 §4): a load program against running
 * servers, not a test. For each run {@code N:p} it creates N cell projects of p attributes and
 * {@value #ROWS} rows each, spread over the cell servers, and a fusion over them on the fusion
 * server, then measures, as seen by a client of the fusion:
 * <ul>
 * <li>first refresh: {@code info} right after {@code updateCellsInfo}, which drops the kept snapshots,
 *     so every cell sends its whole snapshot;</li>
 * <li>fused read: {@code info} inside the refresh interval, served from the merge;</li>
 * <li>unchanged refresh: {@code info} once the interval has passed, no cell changed (all {@code 304});</li>
 * <li>10 % changed: the same after {@value #CHANGED_ROWS} rows were learned into a tenth of the cells
 *     (the cells' default {@code smlfusion.export.min.delta.rows}: fewer would re-send the last release);</li>
 * </ul>
 * each as median and p90 over the repeats, with the snapshot bytes the fusion received
 * ({@code fusionMerge.bytesReceived}) and a check that every cell is in the merge, that the unchanged
 * count is as expected and that the row count includes every learned row (a changed cell is never
 * served from the kept snapshot). Everything it creates it deletes; each step is bounded.
 *
 * <p>A run {@code N:p:G} puts G fusions between the cells and the measured fusion (hierarchical
 * fusions, two levels): the N cells are dealt round-robin over G middle fusions on the fusion
 * server, and the measured fusion's cells are those G fusions. Each repeat then drops the kept
 * snapshots at both levels; a fusion's export has no {@code ETag}, so the top level's "unchanged"
 * count is 0 by design, while the middle fusions ask their cells conditionally.
 *
 * <p>A server that has just started runs its request paths interpreted: a cold fused read costs
 * ten times a warm one, and a fusion serving cells runs these paths all day. So the load first warms
 * the servers up, unmeasured: {@code --warmup-refreshes} (default 300) full refreshes of a fusion of
 * 20 cells, each followed by five fused reads and one conditional export of each cell (the cell's
 * {@code 304} path, which a fusion only takes once per interval); then each run goes through {@code --warmup}
 * unmeasured repeats (default 1) before the measured ones.
 *
 * <p>Each row ends with the 1-minute load average of this machine ({@code /proc/loadavg}) when the
 * run ended: the numbers of a shared machine are only comparable at a similar load.
 *
 * <p>Usage (see {@code bin/bench-fusion}, which starts the servers): {@code FusionScaleLoad --fusion URL
 * --cells URL[,URL] --cid C --secret S [--runs "10:64 100:64 1000:64:10"] [--repeats 5] [--warmup 1] [--warmup-refreshes 300] [--interval-ms 1000]}.
 * The fusion server's {@code rtlm.option.sml.fusion.prefetch.min.time.ms} must be {@code --interval-ms}.
 */
public final class FusionScaleLoad {

    private static final int ROWS = 200;
    /** Rows learned into a changed cell: the default minimum change between two releases of its export. */
    private static final int CHANGED_ROWS = 10;

    private final SignedClient fusionServer;
    private final String fusionHost;
    private final List<SignedClient> cellServers;
    private final List<String> cellHosts;
    private final String secret;
    private final int repeats;
    private final int warmup;
    private final long intervalMs;
    private final String run = "scale" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private FusionScaleLoad(String fusionHost, List<String> cellHosts, String cid, String secret, int repeats, int warmup, long intervalMs) {
        this.fusionServer = new SignedClient(fusionHost, cid, secret);
        this.fusionHost = fusionHost;
        this.cellServers = cellHosts.stream().map(host -> new SignedClient(host, cid, secret)).toList();
        this.cellHosts = cellHosts;
        this.secret = secret;
        this.repeats = repeats;
        this.warmup = warmup;
        this.intervalMs = intervalMs;
    }

    public static void main(String[] args) throws Exception {
        String fusion = option(args, "--fusion", "http://localhost:9080");
        List<String> cells = List.of(option(args, "--cells", fusion).split(","));
        String cid = option(args, "--cid", "c1");
        String secret = option(args, "--secret", null);
        if (secret == null) {
            throw new IllegalArgumentException("--secret is required: the key of customer " + cid + " on every server");
        }
        FusionScaleLoad load = new FusionScaleLoad(fusion, cells, cid, secret, Integer.parseInt(option(args, "--repeats", "5")),
                Integer.parseInt(option(args, "--warmup", "1")),
                Long.parseLong(option(args, "--interval-ms", "1000")));
        load.warmUp(Integer.parseInt(option(args, "--warmup-refreshes", "300")));
        System.out.println("cell servers: " + cells.size() + "; times in ms, median (p90) over " + load.repeats + " repeats after " + load.warmup + " unmeasured; KB = snapshot bytes the fusion received");
        System.out.println("| cells | p | middle fusions | snapshot KB | first refresh | KB | unchanged (all 304) | KB | 10 % changed | KB | fused read | load |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String spec : option(args, "--runs", "10:64 100:64").trim().split("\\s+")) {
            String[] npg = spec.split(":");
            load.measure(Integer.parseInt(npg[0]), Integer.parseInt(npg[1]), npg.length > 2 ? Integer.parseInt(npg[2]) : 0);
        }
    }

    /** @param groups middle fusions between the cells and the measured fusion; 0 = none */
    private void measure(int n, int p, int groups) throws Exception {
        String prefix = run + "-n" + n + "p" + p + "g" + groups + "-";
        List<CellInfo> cells = createCells(prefix, n, p);
        String fusion = prefix + "f";
        List<String> middle = new ArrayList<>();
        try {
            List<List<CellInfo>> groupCells = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                groupCells.add(new ArrayList<>());
            }
            for (int c = 0; c < cells.size() && groups > 0; c++) {
                groupCells.get(c % groups).add(cells.get(c));
            }
            for (int g = 0; g < groups; g++) {
                String pid = prefix + "m" + g;
                check(fusionServer.post("projects/fusion/create?pid=" + pid + "&persist=false", cellList(groupCells.get(g))).status() == 201,
                        "create middle fusion " + pid);
                middle.add(pid);
            }
            List<CellInfo> measured = groups == 0 ? cells
                    : middle.stream().map(pid -> new CellInfo(fusionHost, fusionServer.cid(), secret, pid)).toList();
            check(fusionServer.post("projects/fusion/create?pid=" + fusion + "&persist=false", cellList(measured)).status() == 201, "create fusion");
            long rows = (long) n * ROWS;
            Readings measuredReadings = new Readings();
            Readings warmupReadings = new Readings();
            SplittableRandom random = new SplittableRandom(n * 31L + p);
            for (int r = 0; r < warmup + repeats; r++) {
                Readings into = r < warmup ? warmupReadings : measuredReadings;
                for (int g = 0; g < groups; g++) {
                    check(fusionServer.post("projects/fusion/" + middle.get(g) + "/updateCellsInfo", cellList(groupCells.get(g))).status() == 200,
                            "update middle");
                }
                check(fusionServer.post("projects/fusion/" + fusion + "/updateCellsInfo", cellList(measured)).status() == 200, "update");
                into.first.add(timedInfo(fusion, rows, 0));
                for (int k = 0; k < 3; k++) {
                    into.read.add(timedInfo(fusion, rows, -1));
                }
                Thread.sleep(intervalMs + 50);
                into.unchanged.add(timedInfo(fusion, rows, groups == 0 ? n : 0));
                int changed = Math.max(1, n / 10);
                for (int c : random.ints(0, n).distinct().limit(changed).toArray()) {
                    learn(cells.get(c), p, CHANGED_ROWS, random.nextLong());
                    rows += CHANGED_ROWS;
                }
                Thread.sleep(intervalMs + 50);
                into.tenth.add(timedInfo(fusion, rows, groups == 0 ? n - changed : 0));
            }
            Series first = measuredReadings.first;
            Series unchanged = measuredReadings.unchanged;
            Series tenth = measuredReadings.tenth;
            Series read = measuredReadings.read;
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %.0f | %s | %.0f | %s | %.0f | %s | %.0f | %s | %s |%n", n, p, groups,
                    first.bytes.get(0) / 1024.0 / measured.size(), first.latency(), first.medianBytes() / 1024, unchanged.latency(),
                    unchanged.medianBytes() / 1024, tenth.latency(), tenth.medianBytes() / 1024, read.latency(), loadAverage());
        } finally {
            fusionServer.delete("projects/" + fusion);
            middle.forEach(pid -> fusionServer.delete("projects/" + pid));
            deleteCells(cells);
        }
    }

    /**
     * Full refreshes of a fusion of 20 cells on every cell server, each followed by five fused reads
     * and a conditional export of every cell; nothing measured.
     */
    private void warmUp(int refreshes) throws Exception {
        int n = 20;
        String prefix = run + "-warmup-";
        List<CellInfo> cells = createCells(prefix, n, 8);
        String fusion = prefix + "f";
        try {
            check(fusionServer.post("projects/fusion/create?pid=" + fusion + "&persist=false", cellList(cells)).status() == 201, "create warm-up fusion");
            for (int r = 0; r < refreshes; r++) {
                check(fusionServer.post("projects/fusion/" + fusion + "/updateCellsInfo", cellList(cells)).status() == 200, "update");
                for (int k = 0; k < 6; k++) {
                    timedInfo(fusion, (long) n * ROWS, -1);
                }
                for (CellInfo cell : cells) {
                    SignedClient server = cellServers.get(cellHosts.indexOf(cell.host()));
                    String export = "projects/" + cell.pid() + "/export";
                    String etag = server.get(export).raw().headers().firstValue("ETag").orElseThrow();
                    check(server.send("GET", export, null, Map.of("If-None-Match", etag)).status() == 304, "conditional export");
                }
            }
        } finally {
            fusionServer.delete("projects/" + fusion);
            deleteCells(cells);
        }
    }

    /** The 1-minute load average, or "?" where {@code /proc/loadavg} is missing. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unavailable) {
            return "?";
        }
    }

    /**
     * One {@code info} of the fusion, timed, checked: every cell in the merge, {@code rows} rows and,
     * when {@code unchanged} ≥ 0, that many cells answered 304.
     */
    private Sample timedInfo(String fusion, long rows, int unchanged) {
        long start = System.nanoTime();
        SignedClient.Reply reply = fusionServer.get("projects/" + fusion + "/info");
        double ms = (System.nanoTime() - start) / 1e6;
        check(reply.status() == 200, "info " + reply);
        JsonObject merge = reply.values().getJsonObject("smlInfo").getJsonObject("fusionMerge");
        check(merge.getJsonNumber("rowCount").longValue() == rows, "rows " + merge.getJsonNumber("rowCount") + " != " + rows + ": " + merge);
        check(merge.getInt("cellsMerged") == merge.getInt("cellsTotal"), "every cell merged: " + merge);
        if (unchanged >= 0) {
            check(merge.getInt("cellsUnchanged") == unchanged, "unchanged " + merge.getInt("cellsUnchanged") + " != " + unchanged);
        }
        return new Sample(ms, merge.getJsonNumber("bytesReceived").longValue());
    }

    private List<CellInfo> createCells(String prefix, int n, int p) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CellInfo>> created = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                int number = c;
                created.add(pool.submit(() -> {
                    int server = number % cellServers.size();
                    String pid = prefix + number;
                    check(cellServers.get(server).post("projects?pid=" + pid, "{}").status() == 201, "create " + pid);
                    CellInfo cell = new CellInfo(cellHosts.get(server), cellServers.get(server).cid(), secret, pid);
                    learn(cell, p, ROWS, number);
                    return cell;
                }));
            }
            List<CellInfo> cells = new ArrayList<>();
            for (Future<CellInfo> cell : created) {
                cells.add(cell.get());
            }
            return cells;
        } finally {
            pool.shutdown();
        }
    }

    private void deleteCells(List<CellInfo> cells) {
        for (CellInfo cell : cells) {
            cellServers.get(cellHosts.indexOf(cell.host())).delete("projects/" + cell.pid());
        }
    }

    private void learn(CellInfo cell, int p, int rowCount, long seed) {
        String[] names = new String[p];
        Arrays.setAll(names, i -> "x" + i);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> rows = new ArrayList<>(rowCount);
        for (int r = 0; r < rowCount; r++) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < p; i++) {
                row.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", 100 + 10 * random.nextDouble()));
            }
            rows.add(row.toString());
        }
        SignedClient server = cellServers.get(cellHosts.indexOf(cell.host()));
        SignedClient.Reply learned = server.post("projects/" + cell.pid() + "/learn", CsvDataFrames.dataFrame(names, rows, "C"));
        check(learned.status() == 200, "learn " + learned);
    }

    private String cellList(List<CellInfo> cells) {
        return BodyEncryption.AES_CBC.codec().encrypt(secret, CellList.toJson(cells));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int k = 0; k + 1 < args.length; k++) {
            if (args[k].equals(name)) {
                return args[k + 1];
            }
        }
        return fallback;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("failed: " + what);
        }
    }

    private record Sample(double ms, long bytes) {
    }

    /** The four kinds of read of a run's repeats. */
    private static final class Readings {
        private final Series first = new Series();
        private final Series read = new Series();
        private final Series unchanged = new Series();
        private final Series tenth = new Series();
    }

    /** Latencies and bytes of one kind of read, over the repeats. */
    private static final class Series {
        private final List<Double> ms = new ArrayList<>();
        private final List<Long> bytes = new ArrayList<>();

        void add(Sample sample) {
            ms.add(sample.ms());
            bytes.add(sample.bytes());
        }

        String latency() {
            return String.format(Locale.ROOT, "%.1f (%.1f)", percentile(ms, 50), percentile(ms, 90));
        }

        double medianBytes() {
            return percentile(bytes.stream().map(Long::doubleValue).toList(), 50);
        }

        private static double percentile(List<Double> values, int percent) {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1))];
        }
    }
}
