package io.smlfusion.engine.stats;

/**
 * Index arithmetic for a symmetric p×p matrix stored as its upper triangle, row by row: row i
 * holds columns i..p-1. Half the memory of a full matrix, and row i's entries are contiguous,
 * which is what the rank-1 update loops stream over.
 */
public final class PackedSymmetric {

    /** The largest dimension whose packed triangle still fits in one Java array. */
    public static final int MAX_DIMENSION = 65_535;

    private PackedSymmetric() {
    }

    /** Number of stored entries, p(p+1)/2. */
    public static int size(int dimension) {
        if (dimension < 0 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension " + dimension
                    + " is outside 0.." + MAX_DIMENSION);
        }
        return (int) ((long) dimension * (dimension + 1) / 2);
    }

    /** Position of entry (i, i), the start of row i. */
    public static int rowStart(int i, int dimension) {
        return i * dimension - i * (i - 1) / 2;
    }

    /** Position of entry (i, j) = (j, i). */
    public static int index(int i, int j, int dimension) {
        return i <= j ? rowStart(i, dimension) + j - i : rowStart(j, dimension) + i - j;
    }
}
