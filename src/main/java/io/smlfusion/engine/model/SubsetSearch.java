package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * The input-subset searches of {@link SelectorType} over p inputs (a subset is a {@link BitSet} of
 * input positions). Each step scores its subsets as one batch; the search follows the best
 * strictly better score and stops when none improves, when its iterations are spent, or when
 * {@link Scores#stopped()} says a limit was reached.
 */
final class SubsetSearch {

    /** Scores subsets, a batch at a time; a subset that cannot be scored is NaN. */
    interface Scores {
        double[] score(List<BitSet> subsets);

        boolean stopped();

        /** Whether {@code a} is strictly better than {@code b}. */
        boolean better(double a, double b);
    }

    private SubsetSearch() {
    }

    /** The number of non-empty subsets brute force tries, or -1 when it exceeds a long. */
    static long bruteForceSize(int inputs) {
        return inputs >= 63 ? -1 : (1L << inputs) - 1;
    }

    /** The best subset the search found, or an empty one when nothing could be scored. */
    static BitSet search(SelectorType type, int inputs, int maxIterations, long seed, Scores scores) {
        return switch (type) {
            case FW_BW -> stepwise(inputs, maxIterations, true, scores);
            case SIMPLE -> stepwise(inputs, 1, false, scores);
            case BRUTE -> bruteForce(inputs, scores);
            case ITERATION -> random(inputs, maxIterations, seed, scores);
        };
    }

    private static BitSet stepwise(int inputs, int iterations, boolean backward, Scores scores) {
        BitSet current = new BitSet();
        double currentScore = Double.NaN;
        for (int iteration = 0; iteration < iterations && !scores.stopped(); iteration++) {
            boolean changed = false;
            while (!scores.stopped()) {
                List<BitSet> larger = new ArrayList<>();
                for (int k = current.nextClearBit(0); k < inputs; k = current.nextClearBit(k + 1)) {
                    BitSet next = (BitSet) current.clone();
                    next.set(k);
                    larger.add(next);
                }
                Step step = best(larger, scores);
                if (step == null || !current.isEmpty() && !scores.better(step.score, currentScore)
                        || current.isEmpty() && Double.isNaN(step.score)) {
                    break;
                }
                current = step.subset;
                currentScore = step.score;
                changed = true;
            }
            while (backward && !scores.stopped() && current.cardinality() > 1) {
                List<BitSet> smaller = new ArrayList<>();
                for (int k = current.nextSetBit(0); k >= 0; k = current.nextSetBit(k + 1)) {
                    BitSet next = (BitSet) current.clone();
                    next.clear(k);
                    smaller.add(next);
                }
                Step step = best(smaller, scores);
                if (step == null || !scores.better(step.score, currentScore)) {
                    break;
                }
                current = step.subset;
                currentScore = step.score;
                changed = true;
            }
            if (!changed) {
                break;
            }
        }
        return current;
    }

    private static BitSet bruteForce(int inputs, Scores scores) {
        long count = bruteForceSize(inputs);
        List<BitSet> all = new ArrayList<>();
        Step best = null;
        for (long mask = 1; mask <= count && !scores.stopped(); mask++) {
            all.add(BitSet.valueOf(new long[] {mask}));
            if (all.size() == 256 || mask == count) {
                best = better(best, best(all, scores), scores);
                all.clear();
            }
        }
        return best == null ? new BitSet() : best.subset;
    }

    private static BitSet random(int inputs, int draws, long seed, Scores scores) {
        Random random = new Random(seed);
        List<BitSet> drawn = new ArrayList<>();
        Step best = null;
        for (int d = 0; d < draws && !scores.stopped(); d++) {
            BitSet subset = new BitSet();
            while (subset.isEmpty()) {
                for (int k = 0; k < inputs; k++) {
                    if (random.nextBoolean()) {
                        subset.set(k);
                    }
                }
            }
            drawn.add(subset);
            if (drawn.size() == 64 || d == draws - 1) {
                best = better(best, best(drawn, scores), scores);
                drawn.clear();
            }
        }
        return best == null ? new BitSet() : best.subset;
    }

    private record Step(BitSet subset, double score) {
    }

    /** The best-scored subset of the batch (the first of equals), or null for an empty batch. */
    private static Step best(List<BitSet> subsets, Scores scores) {
        if (subsets.isEmpty()) {
            return null;
        }
        double[] scored = scores.score(subsets);
        int best = 0;
        for (int k = 1; k < scored.length; k++) {
            if (scores.better(scored[k], scored[best])) {
                best = k;
            }
        }
        return new Step(subsets.get(best), scored[best]);
    }

    private static Step better(Step a, Step b, Scores scores) {
        if (a == null) {
            return b;
        }
        return b != null && scores.better(b.score, a.score) ? b : a;
    }
}
