package io.smlfusion.engine.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import io.smlfusion.testdata.ReferenceCsv;

/**
 * A reference CSV file ({@link ReferenceCsv}: header row, comma separated, all numeric) held as row-major
 * values, the layout {@link MomentBlock#learn} takes.
 */
record ReferenceData(List<String> names, double[] rows, int rowCount) {

    /** Reads {folder}/{file} where {@link ReferenceCsv#locate} finds it. */
    static ReferenceData read(String folder, String file) {
        ReferenceCsv csv = ReferenceCsv.read(folder, file);
        return new ReferenceData(csv.names(), csv.rowMajor(), csv.rows().size());
    }

    /** The rows of every file, in order; the files must have the same header. */
    static ReferenceData concatenate(ReferenceData... parts) {
        int rowCount = Arrays.stream(parts).mapToInt(ReferenceData::rowCount).sum();
        double[] rows = new double[rowCount * parts[0].width()];
        int at = 0;
        for (ReferenceData part : parts) {
            if (!part.names.equals(parts[0].names)) {
                throw new IllegalArgumentException("headers differ");
            }
            System.arraycopy(part.rows, 0, rows, at, part.rows.length);
            at += part.rows.length;
        }
        return new ReferenceData(parts[0].names, rows, rowCount);
    }

    int width() {
        return names.size();
    }

    /** The same rows in an order drawn from {@code seed} (Fisher–Yates). */
    ReferenceData shuffled(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[rowCount];
        Arrays.setAll(order, r -> r);
        for (int r = rowCount - 1; r > 0; r--) {
            int other = random.nextInt(r + 1);
            int swap = order[r];
            order[r] = order[other];
            order[other] = swap;
        }
        double[] shuffled = new double[rows.length];
        for (int r = 0; r < rowCount; r++) {
            System.arraycopy(rows, order[r] * width(), shuffled, r * width(), width());
        }
        return new ReferenceData(names, shuffled, rowCount);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    double[] rows(int from, int to) {
        return Arrays.copyOfRange(rows, from * width(), to * width());
    }

    /** Every row as one block, all columns typed C (types do not change the numbers). */
    DataBlock asBlock() {
        return new DataBlock(names, Collections.nCopies(width(),
                AttributeType.CONTINUOUS), rows, rowCount);
    }

    MomentBlock learnedInBlocksOf(int blockRows) {
        MomentBlock block = new MomentBlock(width());
        for (int from = 0; from < rowCount; from += blockRows) {
            int to = Math.min(rowCount, from + blockRows);
            block.learn(rows(from, to), to - from);
        }
        return block;
    }
}
