package io.smlfusion.bench;

import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.ingest.DataFrameReader;
import io.smlfusion.ingest.FrameOptions;
import io.smlfusion.ingest.ParsedFrame;

/**
 * The server's ingestion work for one request, without HTTP: parse a 10,000-row DataFrame of
 * {@code p} continuous columns and learn it. Rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngestBenchmark {

    private static final int ROWS = 10_000;

    @Param({"8", "32"})
    int p;

    private byte[] body;
    private ProjectStatistics statistics;

    @Setup
    public void setUp() {
        body = IngestLoadClient.dataFrame(p, ROWS, new SplittableRandom(42));
        statistics = new ProjectStatistics(false, false);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ParsedFrame parse() {
        return DataFrameReader.read(new ByteArrayInputStream(body), FrameOptions.PLAIN);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ProjectStatistics parseAndLearn() {
        statistics.learn(DataFrameReader.read(new ByteArrayInputStream(body), FrameOptions.PLAIN).block());
        return statistics;
    }
}
