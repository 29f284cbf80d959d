package io.smlfusion.engine.stats;

/**
 * How much memory a project's statistics take: what a quota is checked against before a learn,
 * merge or import allocates anything. Memory is O(p²) per moment block and independent of rows.
 *
 * @param attributes      p, attributes after category expansion
 * @param blocks          moment blocks: the total, plus one per partition value
 * @param histogramBytes  the bucket arrays of the histograms (0 without histograms)
 */
public record Footprint(int attributes, int blocks, long histogramBytes) {

    public static final Footprint EMPTY = new Footprint(0, 1, 0);

    /** The bytes of one moment block over p attributes: mean, M3, M4 and three packed p×p triangles. */
    public static long blockBytes(int attributes) {
        long packed = (long) attributes * (attributes + 1) / 2;
        return Double.BYTES * (3L * attributes + 3L * packed);
    }

    public long bytes() {
        return blocks * blockBytes(attributes) + histogramBytes;
    }
}
