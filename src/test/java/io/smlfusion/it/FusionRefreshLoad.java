package io.smlfusion.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.smlfusion.fusion.CellInfo;

/**
 * Measures a fusion end to end against a running server (not a test: run by hand, e.g. against the
 * integration-test server started with {@code target/liberty/wlp/bin/server start itServer}):
 * <ol>
 * <li>refresh latency for 1, 3, 10 local cells of p = 8, 64, 256 attributes: {@code info} right
 *     after {@code updateCellsInfo} (which drops the merge, so that read waits for a full refresh:
 *     parallel signed exports + decode + merge) minus {@code info} served from the merge;</li>
 * <li>throughput of fused reads while refreshes run against a cell that takes 1 s to answer.</li>
 * </ol>
 * Usage: {@code java -cp ... io.smlfusion.it.FusionRefreshLoad [http://localhost:9281 [cid secret]]}.
 * The server should have a short {@code rtlm.option.sml.fusion.prefetch.min.time.ms} (the
 * integration-test server has 2000) and a cell read timeout above 1 s.
 */
public final class FusionRefreshLoad {

    private static final int ROWS_PER_CELL = 200;
    private static final int REPEATS = 15;

    private final FusionClient client;
    private final String run = "load" + System.nanoTime();

    private FusionRefreshLoad(FusionClient client) {
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : SignedClient.BASE;
        String cid = args.length > 2 ? args[1] : SignedClient.BOOTSTRAP_CID;
        String secret = args.length > 2 ? args[2] : SignedClient.BOOTSTRAP_SECRET;
        FusionRefreshLoad load = new FusionRefreshLoad(new FusionClient(base, cid, secret));
        System.out.println("cells  p    refresh ms (median, p90)  info from merge ms (median)");
        for (int p : new int[] {8, 64, 256}) {
            for (int cells : new int[] {1, 3, 10}) {
                load.refreshLatency(cells, p);
            }
        }
        load.readsDuringSlowRefreshes(4);
    }

    private void refreshLatency(int cellCount, int p) {
        List<CellInfo> cells = new ArrayList<>();
        for (int c = 0; c < cellCount; c++) {
            String pid = run + "-c" + cellCount + "p" + p + "-" + c;
            cellProject(pid, p, c);
            cells.add(client.cell(pid));
        }
        String fusion = run + "-f" + cellCount + "p" + p;
        check(client.create(fusion, false, cells).status() == 201, "create " + fusion);
        client.info(fusion);
        double[] refresh = new double[REPEATS];
        double[] cached = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            check(client.update(fusion, cells).status() == 200, "update");
            long start = System.nanoTime();
            long rows = client.info(fusion).getJsonNumber("rowCount").longValue();
            refresh[r] = (System.nanoTime() - start) / 1e6;
            check(rows == (long) cellCount * ROWS_PER_CELL, "rows " + rows);
            start = System.nanoTime();
            client.info(fusion);
            cached[r] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "%5d %4d    %7.1f %7.1f             %7.1f%n", cellCount, p,
                percentile(refresh, 50) - percentile(cached, 50), percentile(refresh, 90) - percentile(cached, 50),
                percentile(cached, 50));
    }

    private void readsDuringSlowRefreshes(int threads) throws Exception {
        String pid = run + "-slow-src";
        cellProject(pid, 64, 99);
        byte[] snapshot = Base64.getDecoder().decode(client.signed().get("projects/" + pid + "/export").values().getString("string"));
        try (CellStub slow = new CellStub(snapshot)) {
            String fast = run + "-fast";
            String slowFusion = run + "-slow";
            check(client.create(fast, false, List.of(client.cell(pid))).status() == 201, "create fast");
            check(client.create(slowFusion, false, List.of(client.cell(pid), new CellInfo(slow.host(), "any",
                    SignedClient.BOOTSTRAP_SECRET, "slow"))).status() == 201, "create slow");
            client.info(fast);
            client.info(slowFusion);
            slow.delay(1000);
            System.out.println();
            System.out.println("fused reads (info), " + threads + " threads, 10 s, refresh every 2 s:");
            reads(fast, threads, "cells answer at once");
            reads(slowFusion, threads, "one cell takes 1 s to answer");
        }
    }

    private void reads(String fusion, int threads, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Future<List<Double>>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                List<Double> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    client.info(fusion);
                    latencies.add((System.nanoTime() - start) / 1e6);
                }
                return latencies;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> worker : workers) {
            all.addAll(worker.get());
        }
        pool.shutdown();
        double[] latencies = all.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(Locale.ROOT, "  %-30s %6.0f reads/s, latency median %.1f ms, p99 %.1f ms, max %.1f ms%n", label,
                all.size() / 10.0, percentile(latencies, 50), percentile(latencies, 99), Collections.max(all));
    }

    private void cellProject(String pid, int p, long seed) {
        check(client.signed().post("projects?pid=" + pid, "{}").status() == 201, "create " + pid);
        String[] names = new String[p];
        Arrays.setAll(names, i -> "x" + i);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < ROWS_PER_CELL; r++) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < p; i++) {
                row.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", 100 + 10 * random.nextDouble()));
            }
            rows.add(row.toString());
        }
        check(client.signed().post("projects/" + pid + "/learn", CsvDataFrames.dataFrame(names, rows, "C")).status() == 200, "learn");
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("failed: " + what);
        }
    }
}
