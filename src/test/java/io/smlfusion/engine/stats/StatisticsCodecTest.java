package io.smlfusion.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsCodecTest {

    /** Byte offsets fixed by SNAPSHOT-FORMAT.md. */
    private static final int VERSION_AT = 4;
    private static final int FLAGS_AT = 6;
    private static final int ATTRIBUTE_COUNT_AT = 8;
    private static final int FIRST_NAME_LENGTH = 12;

    @Test
    void aRoundTripIsBitExact() throws SnapshotFormatException {
        ProjectStatistics project = partitionedHousing();
        byte[] snapshot = StatisticsCodec.encode(project);

        ProjectStatistics read = StatisticsCodec.decode(snapshot);

        assertArrayEquals(snapshot, StatisticsCodec.encode(read));
        assertEquals(project.schema(), read.schema());
        assertEquals(project.partitions().keySet(), read.partitions().keySet());
        Moments expected = project.total();
        Moments actual = read.total();
        assertEquals(expected.count(), actual.count());
        for (int i = 0; i < expected.dimension(); i++) {
            assertBitsEqual(expected.mean(i), actual.mean(i));
            assertBitsEqual(expected.m4(i), actual.m4(i));
            for (int j = i; j < expected.dimension(); j++) {
                assertBitsEqual(expected.comoment(i, j), actual.comoment(i, j));
                assertBitsEqual(expected.sumOfSquaredProducts(i, j),
                        actual.sumOfSquaredProducts(i, j));
            }
            assertEquals(project.histogram(i).buckets(), read.histogram(i).buckets());
            assertBitsEqual(project.histogram(i).min(), read.histogram(i).min());
        }
    }

    @Test
    void streamsCarryTheSameBytes() throws IOException {
        ProjectStatistics project = partitionedHousing();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        StatisticsCodec.write(project, out);
        ProjectStatistics read = StatisticsCodec.read(new ByteArrayInputStream(out.toByteArray()));

        assertArrayEquals(StatisticsCodec.encode(project), out.toByteArray());
        assertArrayEquals(out.toByteArray(), StatisticsCodec.encode(read));
    }

    @Test
    void anEmptyProjectRoundTrips() throws SnapshotFormatException {
        byte[] snapshot = StatisticsCodec.encode(new ProjectStatistics(false, false));

        assertEquals(20, snapshot.length, "header, attribute count, row count");
        assertArrayEquals(snapshot, StatisticsCodec.encode(StatisticsCodec.decode(snapshot)));
    }

    @Test
    void theHeaderIsMagicVersionFlagsThenTheSchema() {
        ByteBuffer snapshot = ByteBuffer.wrap(StatisticsCodec.encode(partitionedHousing()))
                .order(ByteOrder.LITTLE_ENDIAN);

        assertEquals("SMLF", new String(snapshot.array(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(1, snapshot.getShort(VERSION_AT));
        assertEquals(3, snapshot.getShort(FLAGS_AT), "partitioned and histograms");
        assertEquals(14, snapshot.getInt(ATTRIBUTE_COUNT_AT));
        assertEquals(4, snapshot.getInt(FIRST_NAME_LENGTH));
        assertEquals("CRIM", new String(snapshot.array(), FIRST_NAME_LENGTH + 4, 4,
                StandardCharsets.UTF_8));
        assertEquals('C', snapshot.get(FIRST_NAME_LENGTH + 8));
    }

    @Test
    void somethingElseIsNotASnapshot() {
        byte[] json = "{\"statusCode\":\"OK\"}".getBytes(StandardCharsets.UTF_8);

        assertRejected(json, "not an sml-fusion snapshot");
    }

    @Test
    void anotherFormatVersionIsRejectedNamingIt() {
        byte[] snapshot = StatisticsCodec.encode(partitionedHousing());
        ByteBuffer.wrap(snapshot).order(ByteOrder.LITTLE_ENDIAN).putShort(VERSION_AT, (short) 2);

        assertRejected(snapshot,
                "snapshot format version 2 is not supported; this server reads version 1");
    }

    @Test
    void everyTruncationIsReportedWithItsPosition() {
        byte[] snapshot = StatisticsCodec.encode(smallProject());

        for (int length = 0; length < snapshot.length; length++) {
            assertRejected(Arrays.copyOf(snapshot, length),
                    "snapshot truncated at byte " + length);
        }
    }

    @Test
    void unknownFlagsAndTrailingBytesAreRejected() {
        byte[] snapshot = StatisticsCodec.encode(smallProject());
        byte[] flagged = snapshot.clone();
        flagged[FLAGS_AT] |= 0x10;

        assertRejected(flagged, "unknown flags 0x13 in a version 1 snapshot");
        assertRejected(Arrays.copyOf(snapshot, snapshot.length + 3),
                "3 unexpected bytes after the end of the snapshot at byte " + snapshot.length);
    }

    @Test
    void negativeAndAbsurdSizesAreRejected() {
        byte[] snapshot = StatisticsCodec.encode(smallProject());
        byte[] negative = snapshot.clone();
        ByteBuffer.wrap(negative).order(ByteOrder.LITTLE_ENDIAN).putInt(ATTRIBUTE_COUNT_AT, -1);
        byte[] absurd = snapshot.clone();
        ByteBuffer.wrap(absurd).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(ATTRIBUTE_COUNT_AT, Integer.MAX_VALUE);
        byte[] longName = snapshot.clone();
        ByteBuffer.wrap(longName).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(FIRST_NAME_LENGTH, 1 << 30);

        assertRejected(negative, "negative attribute count -1 at byte 8");
        assertRejected(absurd, "attribute count 2147483647 at byte 8 exceeds the maximum 65535");
        assertRejected(longName, "snapshot truncated at byte " + snapshot.length);
    }

    @Test
    void anUnknownAttributeTypeIsRejected() {
        byte[] snapshot = StatisticsCodec.encode(smallProject());
        int typeAt = FIRST_NAME_LENGTH + 4 + 1;
        snapshot[typeAt] = 'T';

        assertRejected(snapshot, "unknown attribute type byte 0x54 at byte " + typeAt);
    }

    private static void assertRejected(byte[] bytes, String message) {
        SnapshotFormatException error = assertThrows(SnapshotFormatException.class,
                () -> StatisticsCodec.decode(bytes));
        assertEquals(message, error.getMessage());
    }

    private static void assertBitsEqual(double expected, double actual) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual));
    }

    /** The housing cells as a partitioned project with histograms, one partition per cell. */
    private static ProjectStatistics partitionedHousing() {
        ProjectStatistics project = new ProjectStatistics(true, true);
        for (int cell = 1; cell <= 3; cell++) {
            ReferenceData data = ReferenceData.read("housing-fed3", "housing" + cell + ".csv");
            String[] partition = new String[data.rowCount()];
            Arrays.fill(partition, "cell " + cell);
            project.learn(new DataBlock(data.names(),
                    Collections.nCopies(data.width(), AttributeType.CONTINUOUS), data.rows(),
                    data.rowCount(), partition));
        }
        return project;
    }

    /** Two attributes, one partition, histograms: every section of the format, a few bytes each. */
    private static ProjectStatistics smallProject() {
        ProjectStatistics project = new ProjectStatistics(true, true);
        project.learn(new DataBlock(List.of("x", "y"),
                List.of(AttributeType.CONTINUOUS, AttributeType.BINARY),
                new double[] {-1.5, 0, 2, 1}, 2, new String[] {"a", "a"}));
        return project;
    }
}
