package io.smlfusion.engine.stats;

import java.util.Arrays;

/**
 * The counts of one sign of a {@link MergeableHistogram}: bucket index → count, stored densely
 * from the lowest index touched. Counts are exact longs, so removing what was added restores them
 * exactly.
 */
final class BucketStore {

    private static final int INITIAL_BUCKETS = 32;

    private long[] counts;
    /** Bucket index of {@code counts[0]}. */
    private int offset;
    private long total;

    BucketStore() {
        this(0, new long[0]);
    }

    /** Adopts {@code counts}, which must all be non-negative. */
    BucketStore(int offset, long[] counts) {
        this.offset = offset;
        this.counts = counts;
        for (long count : counts) {
            total += count;
        }
    }

    /** Buckets allocated, empty ones included. */
    int capacity() {
        return counts.length;
    }

    long total() {
        return total;
    }

    long count(int index) {
        int k = index - offset;
        return k >= 0 && k < counts.length ? counts[k] : 0;
    }

    void add(int index, long count) {
        ensureCovers(index);
        counts[index - offset] += count;
        total += count;
    }

    /** Caller guarantees {@code count(index) ≥ count}. */
    void remove(int index, long count) {
        counts[index - offset] -= count;
        total -= count;
    }

    /** Whether every bucket holds at least as much as in {@code other}. */
    boolean includes(BucketStore other) {
        for (int index = other.lowestIndex(); index <= other.highestIndex(); index++) {
            if (count(index) < other.count(index)) {
                return false;
            }
        }
        return true;
    }

    void addAll(BucketStore other) {
        for (int index = other.lowestIndex(); index <= other.highestIndex(); index++) {
            long count = other.count(index);
            if (count > 0) {
                add(index, count);
            }
        }
    }

    /** Caller guarantees {@code includes(other)}. */
    void removeAll(BucketStore other) {
        for (int index = other.lowestIndex(); index <= other.highestIndex(); index++) {
            long count = other.count(index);
            if (count > 0) {
                remove(index, count);
            }
        }
    }

    /** Lowest index with a non-zero count; greater than {@link #highestIndex()} when empty. */
    int lowestIndex() {
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] != 0) {
                return offset + k;
            }
        }
        return 0;
    }

    /** Highest index with a non-zero count; less than {@link #lowestIndex()} when empty. */
    int highestIndex() {
        for (int k = counts.length - 1; k >= 0; k--) {
            if (counts[k] != 0) {
                return offset + k;
            }
        }
        return -1;
    }

    /** Counts from {@link #lowestIndex()} to {@link #highestIndex()}: the stored form. */
    long[] nonEmptyRange() {
        int low = lowestIndex();
        int high = highestIndex();
        return low > high ? new long[0] : Arrays.copyOfRange(counts, low - offset, high - offset + 1);
    }

    BucketStore copy() {
        return new BucketStore(offset, counts.clone());
    }

    private void ensureCovers(int index) {
        if (counts.length == 0) {
            counts = new long[INITIAL_BUCKETS];
            offset = index - INITIAL_BUCKETS / 2;
            return;
        }
        int end = offset + counts.length;
        if (index >= offset && index < end) {
            return;
        }
        // Grow with slack, so that a stream drifting slowly in one direction does not copy the
        // array on every new bucket.
        int slack = Math.max(INITIAL_BUCKETS, counts.length / 2);
        int newOffset = index < offset ? index - slack : offset;
        int newEnd = index >= end ? index + 1 + slack : end;
        long[] grown = new long[newEnd - newOffset];
        System.arraycopy(counts, 0, grown, offset - newOffset, counts.length);
        counts = grown;
        offset = newOffset;
    }
}
