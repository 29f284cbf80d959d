package io.smlfusion.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.ingest.FrameFormat;
import io.smlfusion.ingest.FrameOptions;
import io.smlfusion.ingest.ParsedFrame;

/**
 * The server's ingestion work for one request, without HTTP: decode a 10,000-row batch of
 * {@code p} continuous columns — a DataFrame in JSON, or the same numbers as an Arrow IPC stream
 * of float64 columns — and learn it, on one thread; and verify the signature of the request that
 * carries it (MD5 and HMAC-SHA256 over the body). Rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED") // Arrow's direct buffers, as in jvm.options
public class IngestBenchmark {

    private static final int ROWS = 10_000;

    @Param({"8", "32"})
    int p;

    private byte[] json;
    private byte[] arrow;
    private ProjectStatistics statistics;
    private SignedLearn signedJson;
    private SignedLearn signedArrow;

    @Setup
    public void setUp() {
        json = IngestLoadClient.dataFrame(p, ROWS, new SplittableRandom(42));
        arrow = ArrowFrames.stream(p, ROWS, new SplittableRandom(42));
        statistics = new ProjectStatistics(false, false);
        signedJson = new SignedLearn(json);
        signedArrow = new SignedLearn(arrow);
    }

    /** What the signature check of a REST request costs per row: MD5 and HMAC-SHA256 over the body. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Object jsonVerify() {
        return signedJson.verify();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Object arrowVerify() {
        return signedArrow.verify();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ParsedFrame jsonParse() {
        return FrameFormat.JSON.read(json, FrameOptions.PLAIN);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ProjectStatistics jsonParseAndLearn() {
        statistics.learn(FrameFormat.JSON.read(json, FrameOptions.PLAIN).block());
        return statistics;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ParsedFrame arrowParse() {
        return FrameFormat.ARROW.read(arrow, FrameOptions.PLAIN);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ProjectStatistics arrowParseAndLearn() {
        statistics.learn(FrameFormat.ARROW.read(arrow, FrameOptions.PLAIN).block());
        return statistics;
    }
}
