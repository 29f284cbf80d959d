package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.refusal.RequestRefused;

/** A cell's answer is read bounded in size and in time; the default size follows from the attribute limit. */
class BoundedBodyTest {

    private static final Deadline LATER = Deadline.after(Duration.ofMinutes(1));

    /** An endless answer: one byte per read, each after {@code pauseMillis}. */
    private static InputStream drip(long pauseMillis) {
        return new InputStream() {
            @Override
            public int read() {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                b[off] = (byte) read();
                return 1;
            }
        };
    }

    @Test
    void readsAnAnswerUpToTheLimit() throws Exception {
        byte[] answer = new byte[200_000];
        answer[199_999] = 7;
        assertArrayEquals(answer, BoundedBody.read(new ByteArrayInputStream(answer), AnswerLimit.perCell(200_000), LATER));
    }

    @Test
    void stopsOneByteAfterTheLimitNamingIt() {
        CellFailure e = assertThrows(CellFailure.class, () -> BoundedBody.read(new ByteArrayInputStream(new byte[200_001]), AnswerLimit.perCell(200_000), LATER));
        assertEquals(CellStatus.ERROR, e.status());
        assertEquals("answer of more than 200000 bytes exceeds smlfusion.fusion.cell.max.bytes = 200000 bytes", e.reason());
        assertEquals("answer of 5000000000 bytes (Content-Length) exceeds smlfusion.fusion.cell.max.bytes = 200000 bytes",
                AnswerLimit.perCell(200_000).exceededBy("5000000000 bytes (Content-Length)").reason());
    }

    @Test
    void aCellOfALongListMaySendItsShareOfTheCacheNamingIt() {
        AnswerLimit share = AnswerLimit.forList(50_000_000, 1_000_000, 1000);
        assertEquals(1000, share.bytes());
        CellFailure e = assertThrows(CellFailure.class, () -> BoundedBody.read(new ByteArrayInputStream(new byte[1001]), share, LATER));
        assertEquals("answer of more than 1000 bytes exceeds one cell's share of smlfusion.fusion.cache.max.bytes"
                + " (1000000 bytes / 1000 cells = 1000 bytes)", e.reason());
        assertEquals(AnswerLimit.perCell(50_000_000), AnswerLimit.forList(50_000_000, 1L << 30, 10), "a short list keeps the per-cell limit");
    }

    @Test
    void aListWhoseShareCannotHoldTheSmallestSnapshotIsRefused() {
        AnswerLimit.forList(50_000_000, 74_000, 1000).requireRoomForASnapshot(1000);
        RequestRefused refused = assertThrows(RequestRefused.class,
                () -> AnswerLimit.forList(50_000_000, 73_999, 1000).requireRoomForASnapshot(1000));
        assertEquals("Invalid FusionCellInfoList: 1000 cells cannot be kept: each may send at most one cell's share of"
                + " smlfusion.fusion.cache.max.bytes (73999 bytes / 1000 cells = 73 bytes), less than the smallest snapshot (74 bytes);"
                + " raise smlfusion.fusion.cache.max.bytes or split the fusion", refused.getMessage());
    }

    @Test
    void anEndlessAnswerStopsAtTheLimitWithoutReadingOn() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        assertEquals(CellStatus.ERROR, assertThrows(CellFailure.class, () -> BoundedBody.read(endless, AnswerLimit.perCell(1 << 20), LATER)).status());
    }

    @Test
    void aSlowDripStopsAtTheDeadline() {
        Deadline deadline = Deadline.after(Duration.ofMillis(300));
        long started = System.nanoTime();
        CellFailure e = assertThrows(CellFailure.class, () -> BoundedBody.read(drip(20), AnswerLimit.perCell(1 << 20), deadline));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(CellStatus.TIMEOUT, e.status());
        assertEquals("no complete answer within smlfusion.fusion.cell.deadline.ms = 300 ms", e.reason());
        assertTrue(tookMillis >= 290 && tookMillis < 1000, tookMillis + " ms");
    }

    @Test
    void anErrorAnswerIsReadOnlyAsFarAsItsPrefix() throws Exception {
        assertEquals(4096, BoundedBody.prefix(drip(0), 4096, LATER).length);
        assertEquals(3, BoundedBody.prefix(new ByteArrayInputStream(new byte[3]), 4096, LATER).length);
    }

    @Test
    void theDefaultLimitIsTheLargestPlainSnapshotOfTheAttributeLimit() {
        assertEquals(50_130_020L, FusionConfig.largestPlainSnapshot(FusionConfig.DEFAULT_MAX_ATTRIBUTES));
        int p = 40;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            // 1024 bytes of UTF-8 (4 digits and 255 four-byte characters): the longest name the formula allows for
            names.add(String.format("%04d", j) + "\uD83D\uDE00".repeat(255));
        }
        ProjectStatistics statistics = new ProjectStatistics(false, false);
        double[] values = new double[3 * p];
        for (int k = 0; k < values.length; k++) {
            values[k] = k % 7;
        }
        statistics.learn(new DataBlock(names, Collections.nCopies(p, AttributeType.CONTINUOUS), values, 3));
        assertEquals(FusionConfig.largestPlainSnapshot(p), StatisticsCodec.encode(statistics).length);
    }
}
