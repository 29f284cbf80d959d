package io.smlfusion.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.ingest.FrameFormat;
import io.smlfusion.ingest.FrameOptions;

/**
 * The work of {@link IngestBenchmark} (signature check, parse, parse + learn) timed by the CPU time of its thread rather than the wall
 * clock: rows per CPU-second of one core, a figure that a machine shared with other jobs does not
 * divide by their number (JMH's wall-clock throughput does). Cache and memory bandwidth are still
 * shared, so it is an upper bound of what a quiet core does.
 *
 * <p>Usage: {@code bin/bench-cpu [seconds per measurement, default 10]}.
 */
public final class IngestCpuTime {

    private static final int ROWS = 10_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        System.out.printf(Locale.ROOT, "%-6s %-3s %18s %16s %22s%n", "format", "p", "verify rows/cpu-s", "parse rows/cpu-s",
                "parse+learn rows/cpu-s");
        for (int p : new int[] {8, 32}) {
            byte[] json = IngestLoadClient.dataFrame(p, ROWS, new SplittableRandom(42));
            byte[] arrow = ArrowFrames.stream(p, ROWS, new SplittableRandom(42));
            report("json", p, FrameFormat.JSON, json, seconds);
            report("arrow", p, FrameFormat.ARROW, arrow, seconds);
        }
    }

    private static void report(String name, int p, FrameFormat format, byte[] body, double seconds) {
        ProjectStatistics statistics = new ProjectStatistics(false, false);
        Supplier<Object> parse = () -> format.read(body, FrameOptions.PLAIN);
        Supplier<Object> parseAndLearn = () -> {
            statistics.learn(format.read(body, FrameOptions.PLAIN).block());
            return statistics;
        };
        SignedLearn signed = new SignedLearn(body);
        Supplier<Object> verify = signed::verify;
        rowsPerCpuSecond(verify, seconds / 2);
        rowsPerCpuSecond(parse, seconds / 2);
        rowsPerCpuSecond(parseAndLearn, seconds / 2);
        System.out.printf(Locale.ROOT, "%-6s %-3d %18.3g %16.3g %22.3g%n", name, p, rowsPerCpuSecond(verify, seconds),
                rowsPerCpuSecond(parse, seconds), rowsPerCpuSecond(parseAndLearn, seconds));
    }

    /** Runs {@code work} for about {@code seconds} of this thread's CPU time. */
    private static double rowsPerCpuSecond(Supplier<Object> work, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = THREADS.getCurrentThreadCpuTime();
        long used = 0;
        long calls = 0;
        int sink = 0;
        while (used < budget) {
            sink += System.identityHashCode(work.get()) & 1;
            calls++;
            used = THREADS.getCurrentThreadCpuTime() - start;
        }
        if (sink < 0) {
            throw new AssertionError();
        }
        return calls * ROWS / (used / 1e9);
    }
}
