package io.smlfusion.engine.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The versioned binary snapshot of a {@link ProjectStatistics}, used by export/import,
 * persistence and cell → fusion transfer. The layout is documented byte for byte in
 * {@code SNAPSHOT-FORMAT.md} next to this class. Round trips are bit-exact.
 *
 * <p>A reader must never mis-read a snapshot: anything it does not fully understand (other magic,
 * other version, unknown flags, truncation, inconsistent sizes or counts, trailing bytes) is a
 * {@link SnapshotFormatException} with a message saying which.
 */
public final class StatisticsCodec {

    /** The version this server writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = "SMLF".getBytes(StandardCharsets.US_ASCII);
    private static final int FLAG_PARTITIONED = 1;
    private static final int FLAG_HISTOGRAMS = 2;
    /** An attribute takes at least its int32 name length and its type byte. */
    private static final int MINIMUM_ATTRIBUTE_BYTES = 5;
    /** A partition takes at least its int32 key length and the int64 row count of its block. */
    private static final int MINIMUM_PARTITION_BYTES = 12;

    private StatisticsCodec() {
    }

    public static void write(ProjectStatistics statistics, OutputStream out) throws IOException {
        SnapshotWriter writer = new SnapshotWriter(out);
        writer.bytes(MAGIC);
        writer.uint16(FORMAT_VERSION);
        writer.uint16((statistics.partitioned() ? FLAG_PARTITIONED : 0)
                | (statistics.histogramsEnabled() ? FLAG_HISTOGRAMS : 0));
        Schema schema = statistics.schema();
        writer.int32(schema.size());
        for (int i = 0; i < schema.size(); i++) {
            writer.utf8(schema.name(i));
            writer.uint8(schema.type(i).code().charAt(0));
        }
        writeBlock(statistics.totalBlock(), writer);
        if (statistics.partitioned()) {
            writer.int32(statistics.partitionBlocks().size());
            for (var partition : statistics.partitionBlocks().entrySet()) {
                writer.utf8(partition.getKey());
                writeBlock(partition.getValue(), writer);
            }
        }
        if (statistics.histogramsEnabled()) {
            for (MergeableHistogram histogram : statistics.histogramList()) {
                writeHistogram(histogram, writer);
            }
        }
        writer.flush();
    }

    public static byte[] encode(ProjectStatistics statistics) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(statistics, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads one snapshot, which must be everything the stream holds.
     *
     * @throws SnapshotFormatException when the bytes are not a snapshot this server reads
     * @throws IOException when the stream fails
     */
    public static ProjectStatistics read(InputStream in) throws IOException {
        return decode(in.readAllBytes());
    }

    /**
     * Reads a snapshot from outside (an import, a cell's export), refusing moments that rows of
     * values within {@link ValueRange} cannot make — NaN, infinities, overflow-prone magnitudes —
     * so that whatever merges it stays finite.
     *
     * @throws SnapshotFormatException when the bytes are not a snapshot this server reads, or its
     *     moments are out of range
     */
    public static ProjectStatistics decode(byte[] snapshot) throws SnapshotFormatException {
        ProjectStatistics statistics = decodeStored(snapshot);
        requireMomentsInRange("total", statistics.totalBlock());
        if (statistics.partitioned()) {
            for (var partition : statistics.partitionBlocks().entrySet()) {
                requireMomentsInRange("partition '" + partition.getKey() + "'", partition.getValue());
            }
        }
        return statistics;
    }

    /**
     * Reads a snapshot this server stored itself. Moments out of range are accepted: releases
     * before the value range existed could store them, and a stored project is never lost.
     *
     * @throws SnapshotFormatException when the bytes are not a snapshot this server reads
     */
    public static ProjectStatistics decodeStored(byte[] snapshot) throws SnapshotFormatException {
        SnapshotReader reader = new SnapshotReader(snapshot);
        readHeader(reader);
        int flags = reader.uint16();
        if ((flags & ~(FLAG_PARTITIONED | FLAG_HISTOGRAMS)) != 0) {
            throw new SnapshotFormatException("unknown flags 0x" + Integer.toHexString(flags)
                    + " in a version " + FORMAT_VERSION + " snapshot");
        }
        Schema schema = readSchema(reader);
        MomentBlock total = readBlock(reader, schema.size());
        LinkedHashMap<String, MomentBlock> partitions = (flags & FLAG_PARTITIONED) == 0 ? null
                : readPartitions(reader, schema.size(), total.count());
        List<MergeableHistogram> histograms = (flags & FLAG_HISTOGRAMS) == 0 ? null
                : readHistograms(reader, schema, total.count());
        reader.requireEnd();
        return new ProjectStatistics(schema, total, partitions, histograms);
    }

    private static void requireMomentsInRange(String which, MomentBlock block) throws SnapshotFormatException {
        String violation = ValueRange.violation(block);
        if (violation != null) {
            throw new SnapshotFormatException("the " + which + " block's " + violation);
        }
    }

    private static void readHeader(SnapshotReader reader) throws SnapshotFormatException {
        byte[] start = reader.bytes(Math.min(MAGIC.length, reader.remaining()));
        if (!Arrays.equals(start, Arrays.copyOf(MAGIC, start.length))) {
            throw new SnapshotFormatException("not an sml-fusion snapshot");
        }
        // A correct but incomplete magic is a truncated snapshot.
        reader.bytes(MAGIC.length - start.length);
        int version = reader.uint16();
        if (version != FORMAT_VERSION) {
            throw new SnapshotFormatException("snapshot format version " + version
                    + " is not supported; this server reads version " + FORMAT_VERSION);
        }
    }

    private static Schema readSchema(SnapshotReader reader) throws SnapshotFormatException {
        int size = reader.size("attribute count", MINIMUM_ATTRIBUTE_BYTES,
                PackedSymmetric.MAX_DIMENSION);
        List<String> names = new ArrayList<>(size);
        List<AttributeType> types = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            names.add(reader.utf8("attribute name"));
            int typeAt = reader.position();
            int code = reader.uint8();
            try {
                types.add(AttributeType.fromCode(String.valueOf((char) code)));
            } catch (IllegalArgumentException e) {
                throw new SnapshotFormatException("unknown attribute type byte 0x"
                        + Integer.toHexString(code) + " at byte " + typeAt);
            }
        }
        try {
            return Schema.of(names, types);
        } catch (IllegalArgumentException e) {
            throw new SnapshotFormatException("inconsistent attributes: " + e.getMessage());
        }
    }

    private static void writeBlock(MomentBlock block, SnapshotWriter writer) throws IOException {
        writer.int64(block.count);
        writer.float64s(block.mean);
        writer.float64s(block.m3);
        writer.float64s(block.m4);
        writer.float64s(block.comoment);
        writer.float64s(block.squaredProducts);
        writer.float64s(block.squaredProductsCompensation);
    }

    private static MomentBlock readBlock(SnapshotReader reader, int dimension)
            throws SnapshotFormatException {
        int at = reader.position();
        long count = reader.int64();
        if (count < 0) {
            throw new SnapshotFormatException("negative row count " + count + " at byte " + at);
        }
        int packed = PackedSymmetric.size(dimension);
        return new MomentBlock(count, reader.float64s(dimension), reader.float64s(dimension),
                reader.float64s(dimension), reader.float64s(packed), reader.float64s(packed),
                reader.float64s(packed));
    }

    private static LinkedHashMap<String, MomentBlock> readPartitions(
            SnapshotReader reader, int dimension, long totalCount) throws SnapshotFormatException {
        int size = reader.size("partition count", MINIMUM_PARTITION_BYTES, Integer.MAX_VALUE);
        LinkedHashMap<String, MomentBlock> partitions = new LinkedHashMap<>();
        long rows = 0;
        for (int k = 0; k < size; k++) {
            int at = reader.position();
            String value = reader.utf8("partition value");
            MomentBlock block = readBlock(reader, dimension);
            if (partitions.put(value, block) != null) {
                throw new SnapshotFormatException(
                        "partition '" + value + "' at byte " + at + " appears twice");
            }
            rows += block.count();
        }
        if (rows != totalCount) {
            throw new SnapshotFormatException("the partitions hold " + rows
                    + " rows but the total block " + totalCount);
        }
        return partitions;
    }

    private static void writeHistogram(MergeableHistogram histogram, SnapshotWriter writer)
            throws IOException {
        writer.float64(histogram.relativeAccuracy());
        writer.float64(histogram.rawMin());
        writer.float64(histogram.rawMax());
        writer.int64(histogram.zeroCount());
        writeStore(histogram.positiveStore(), writer);
        writeStore(histogram.negativeStore(), writer);
    }

    private static List<MergeableHistogram> readHistograms(
            SnapshotReader reader, Schema schema, long totalCount) throws SnapshotFormatException {
        List<MergeableHistogram> histograms = new ArrayList<>(schema.size());
        for (int i = 0; i < schema.size(); i++) {
            int at = reader.position();
            double relativeAccuracy = reader.float64();
            double min = reader.float64();
            double max = reader.float64();
            long zeroCount = readCount(reader);
            BucketStore positive = readStore(reader);
            BucketStore negative = readStore(reader);
            MergeableHistogram histogram;
            try {
                histogram = new MergeableHistogram(relativeAccuracy, positive, negative,
                        zeroCount, min, max);
            } catch (IllegalArgumentException e) {
                throw new SnapshotFormatException("histogram of attribute '" + schema.name(i)
                        + "' at byte " + at + ": " + e.getMessage());
            }
            long described = histograms.isEmpty() ? histogram.count() : histograms.get(0).count();
            if (histogram.count() != described || described > totalCount) {
                throw new SnapshotFormatException("histogram of attribute '" + schema.name(i)
                        + "' holds " + histogram.count() + " values where the histograms describe "
                        + described + " of " + totalCount + " rows");
            }
            histograms.add(histogram);
        }
        return histograms;
    }

    /** Lowest non-empty bucket index (int32), bucket count (int32), then the int64 counts. */
    private static void writeStore(BucketStore store, SnapshotWriter writer) throws IOException {
        long[] counts = store.nonEmptyRange();
        writer.int32(counts.length == 0 ? 0 : store.lowestIndex());
        writer.int32(counts.length);
        writer.int64s(counts);
    }

    private static BucketStore readStore(SnapshotReader reader) throws SnapshotFormatException {
        int at = reader.position();
        int lowestIndex = reader.int32();
        int length = reader.size("bucket count", Long.BYTES, Integer.MAX_VALUE);
        if ((long) lowestIndex + length - 1 > Integer.MAX_VALUE) {
            throw new SnapshotFormatException("bucket range at byte " + at + " overflows");
        }
        long[] counts = reader.int64s(length);
        for (long count : counts) {
            if (count < 0) {
                throw new SnapshotFormatException("negative bucket count in the store at byte " + at);
            }
        }
        return new BucketStore(lowestIndex, counts);
    }

    private static long readCount(SnapshotReader reader) throws SnapshotFormatException {
        int at = reader.position();
        long count = reader.int64();
        if (count < 0) {
            throw new SnapshotFormatException("negative count " + count + " at byte " + at);
        }
        return count;
    }
}
