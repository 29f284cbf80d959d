package io.smlfusion.engine.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic, mergeable and forget-able histogram of one attribute with logarithmic buckets:
 * the DDSketch of C. Masson, J. E. Rim, H. K. Lee, "DDSketch: a fast and fully-mergeable quantile
 * sketch with relative-error guarantees", PVLDB 12(12), 2019.
 *
 * <p>With relative accuracy α and γ = (1+α)/(1−α), a positive value x falls in bucket
 * i = ⌈log_γ x⌉, which covers (γ^(i−1), γ^i] and is represented by 2γ^i/(γ+1); every value of
 * the bucket is within α of that representative, relatively. Negative values use a second store
 * on |x|; values closer to 0 than the smallest indexable magnitude (≈ 2.3·10⁻³⁰⁸) count in a zero
 * bucket. Bucket indexes use {@link StrictMath#log}, so two servers put a value in the same bucket
 * and their histograms merge exactly.
 *
 * <p><b>Merge contract.</b> {@code a.merge(b)} equals, bucket for bucket, a histogram that added
 * a's values and then b's values; counts are exact, so merge is commutative and associative, and
 * {@code subtract} / {@code remove} undo {@code merge} / {@code add} exactly. {@link #min()} and
 * {@link #max()} are over every value ever added (or merged): forgetting values does not lower
 * them, since that would need the values themselves.
 */
public final class MergeableHistogram {

    /** The accuracy of the histograms a project keeps: quantiles within 1 %. */
    public static final double DEFAULT_RELATIVE_ACCURACY = 0.01;

    /** One bucket: a count of values in [lower, upper]; the zero bucket has lower = upper = 0. */
    public record Bucket(double lower, double upper, long count) {
    }

    private final double relativeAccuracy;
    private final double logGamma;
    private final double minIndexableValue;
    private final BucketStore positive;
    private final BucketStore negative;
    private long zeroCount;
    private double min;
    private double max;

    /** An empty histogram with {@link #DEFAULT_RELATIVE_ACCURACY}. */
    public MergeableHistogram() {
        this(DEFAULT_RELATIVE_ACCURACY);
    }

    /** An empty histogram whose quantiles are within {@code relativeAccuracy} (0 &lt; α &lt; 1). */
    public MergeableHistogram(double relativeAccuracy) {
        this(relativeAccuracy, new BucketStore(), new BucketStore(), 0,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    MergeableHistogram(double relativeAccuracy, BucketStore positive, BucketStore negative,
                       long zeroCount, double min, double max) {
        if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
            throw new IllegalArgumentException(
                    "relative accuracy " + relativeAccuracy + " is not between 0 and 1");
        }
        double gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        this.relativeAccuracy = relativeAccuracy;
        this.logGamma = StrictMath.log(gamma);
        this.minIndexableValue = Double.MIN_NORMAL * gamma;
        this.positive = positive;
        this.negative = negative;
        this.zeroCount = zeroCount;
        this.min = min;
        this.max = max;
    }

    public void add(double value) {
        add(value, 1);
    }

    /** Adds {@code count} copies of {@code value} (count ≥ 0). */
    public void add(double value, long count) {
        requireFinite(value);
        requireNonNegative(count);
        if (count == 0) {
            return;
        }
        if (value >= minIndexableValue) {
            positive.add(index(value), count);
        } else if (value <= -minIndexableValue) {
            negative.add(index(-value), count);
        } else {
            zeroCount += count;
        }
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Adds the values of one column of a row-major block of {@code width} columns. */
    public void addColumn(double[] rowMajor, int rowCount, int width, int column) {
        for (int row = 0; row < rowCount; row++) {
            add(rowMajor[row * width + column]);
        }
    }

    public void remove(double value) {
        remove(value, 1);
    }

    /**
     * Removes {@code count} copies of a value added before.
     *
     * @throws IllegalArgumentException when the value's bucket holds fewer than {@code count}
     */
    public void remove(double value, long count) {
        requireFinite(value);
        requireNonNegative(count);
        long held = bucketCount(value);
        if (held < count) {
            throw new IllegalArgumentException("cannot remove " + count + " × " + value
                    + ": its bucket holds " + held);
        }
        if (value >= minIndexableValue) {
            positive.remove(index(value), count);
        } else if (value <= -minIndexableValue) {
            negative.remove(index(-value), count);
        } else {
            zeroCount -= count;
        }
    }

    /** Adds every value of {@code other}, which must have the same relative accuracy. */
    public void merge(MergeableHistogram other) {
        requireSameAccuracy(other);
        MergeableHistogram source = other == this ? other.copy() : other;
        positive.addAll(source.positive);
        negative.addAll(source.negative);
        zeroCount += source.zeroCount;
        min = Math.min(min, source.min);
        max = Math.max(max, source.max);
    }

    /** Whether every bucket of this histogram holds at least as many values as in {@code other}. */
    public boolean includes(MergeableHistogram other) {
        requireSameAccuracy(other);
        return zeroCount >= other.zeroCount && positive.includes(other.positive)
                && negative.includes(other.negative);
    }

    /**
     * Removes the values of {@code other}, which must have been added before.
     *
     * @throws IllegalArgumentException unless {@link #includes(MergeableHistogram) includes(other)}
     */
    public void subtract(MergeableHistogram other) {
        if (!includes(other)) {
            throw new IllegalArgumentException(
                    "cannot subtract a histogram holding values this one never held");
        }
        MergeableHistogram source = other == this ? other.copy() : other;
        positive.removeAll(source.positive);
        negative.removeAll(source.negative);
        zeroCount -= source.zeroCount;
    }

    public long count() {
        return positive.total() + negative.total() + zeroCount;
    }

    /** The smallest value ever added, or NaN when none was. */
    public double min() {
        return min <= max ? min : Double.NaN;
    }

    /** The largest value ever added, or NaN when none was. */
    public double max() {
        return min <= max ? max : Double.NaN;
    }

    public double relativeAccuracy() {
        return relativeAccuracy;
    }

    /**
     * The q-quantile, within the relative accuracy of the value of rank ⌊q(count−1)⌋ in sorted
     * order (0-based); NaN when the histogram is empty.
     */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile " + q + " is not between 0 and 1");
        }
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * (total - 1);
        long seen = 0;
        for (int i = negative.highestIndex(); i >= negative.lowestIndex(); i--) {
            seen += negative.count(i);
            if (seen > rank) {
                return clamp(-representative(i));
            }
        }
        seen += zeroCount;
        if (seen > rank) {
            return clamp(0);
        }
        for (int i = positive.lowestIndex(); i <= positive.highestIndex(); i++) {
            seen += positive.count(i);
            if (seen > rank) {
                return clamp(representative(i));
            }
        }
        throw new IllegalStateException("bucket counts do not add up to " + total);
    }

    public double median() {
        return quantile(0.5);
    }

    /** The non-empty buckets in increasing value order. */
    public List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        for (int i = negative.highestIndex(); i >= negative.lowestIndex(); i--) {
            if (negative.count(i) > 0) {
                buckets.add(new Bucket(-upperBound(i), -lowerBound(i), negative.count(i)));
            }
        }
        if (zeroCount > 0) {
            buckets.add(new Bucket(0, 0, zeroCount));
        }
        for (int i = positive.lowestIndex(); i <= positive.highestIndex(); i++) {
            if (positive.count(i) > 0) {
                buckets.add(new Bucket(lowerBound(i), upperBound(i), positive.count(i)));
            }
        }
        return buckets;
    }

    public MergeableHistogram copy() {
        return new MergeableHistogram(relativeAccuracy, positive.copy(), negative.copy(),
                zeroCount, min, max);
    }

    BucketStore positiveStore() {
        return positive;
    }

    BucketStore negativeStore() {
        return negative;
    }

    /** The memory of the bucket arrays. */
    long bytes() {
        return (long) Long.BYTES * (positive.capacity() + negative.capacity());
    }

    long zeroCount() {
        return zeroCount;
    }

    /** The raw minimum, +∞ when nothing was ever added (what the snapshot stores). */
    double rawMin() {
        return min;
    }

    /** The raw maximum, −∞ when nothing was ever added. */
    double rawMax() {
        return max;
    }

    private int index(double magnitude) {
        return (int) Math.ceil(StrictMath.log(magnitude) / logGamma);
    }

    private double lowerBound(int index) {
        return StrictMath.exp((index - 1) * logGamma);
    }

    private double upperBound(int index) {
        return StrictMath.exp(index * logGamma);
    }

    /** 2γ^i/(γ+1) = γ^(i−1)(1+α): within α of every value of bucket i, relatively. */
    private double representative(int index) {
        return lowerBound(index) * (1 + relativeAccuracy);
    }

    private long bucketCount(double value) {
        if (value >= minIndexableValue) {
            return positive.count(index(value));
        }
        if (value <= -minIndexableValue) {
            return negative.count(index(-value));
        }
        return zeroCount;
    }

    private double clamp(double value) {
        return Math.max(min, Math.min(max, value));
    }

    private void requireSameAccuracy(MergeableHistogram other) {
        if (other.relativeAccuracy != relativeAccuracy) {
            throw new IllegalArgumentException("histograms of relative accuracy "
                    + relativeAccuracy + " and " + other.relativeAccuracy + " cannot be combined");
        }
    }

    private static void requireFinite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(value + " is not a finite number");
        }
    }

    private static void requireNonNegative(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " is negative");
        }
    }
}
