package io.smlfusion.engine.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The validation metrics of {@link Assessment}, on predictions and true values of the same rows. */
final class ValidationMetrics {

    private ValidationMetrics() {
    }

    /**
     * A binary classifier's metric.
     *
     * @param scores the model's score of class 1 per row (for {@code auc})
     * @param predicted the class it predicts per row, 0 or 1
     * @param truth the true class per row, 0 or 1
     */
    static double binary(Assessment assessment, double[] scores, double[] predicted, double[] truth) {
        if (assessment == Assessment.AUC) {
            return auc(scores, truth);
        }
        double tp = 0, fp = 0, tn = 0, fn = 0;
        for (int r = 0; r < truth.length; r++) {
            boolean positive = predicted[r] == 1;
            if (truth[r] == 1) {
                tp += positive ? 1 : 0;
                fn += positive ? 0 : 1;
            } else {
                fp += positive ? 1 : 0;
                tn += positive ? 0 : 1;
            }
        }
        return switch (assessment) {
            case ACCURACY -> (tp + tn) / truth.length;
            case RECALL -> tp / (tp + fn);
            case PRECISION -> tp + fp == 0 ? 0 : tp / (tp + fp);
            case F1 -> 2 * tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
            case MCC -> {
                double denominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
                yield denominator == 0 ? 0 : (tp * tn - fp * fn) / denominator;
            }
            default -> throw new IllegalArgumentException(assessment + " does not assess a binary classifier");
        };
    }

    /**
     * The area under the ROC curve by the Mann–Whitney rank formula AUC = (R₁ − n₁(n₁ + 1)/2)/(n₁n₀),
     * mid-ranks for tied scores; NaN when the rows hold one class only.
     */
    static double auc(double[] scores, double[] truth) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRanks = 0;
        long positives = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end < n && scores[order[end]] == scores[order[start]]) {
                end++;
            }
            double midRank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                if (truth[order[k]] == 1) {
                    positiveRanks += midRank;
                    positives++;
                }
            }
            start = end;
        }
        double negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / (positives * negatives);
    }

    /** A regression's metric; {@code rmslogp1e} is NaN when a value is ≤ −1. */
    static double regression(Assessment assessment, double[] predicted, double[] truth) {
        int n = truth.length;
        double sum = 0;
        switch (assessment) {
            case RMSE -> {
                for (int r = 0; r < n; r++) {
                    sum += (predicted[r] - truth[r]) * (predicted[r] - truth[r]);
                }
                return Math.sqrt(sum / n);
            }
            case MAE -> {
                for (int r = 0; r < n; r++) {
                    sum += Math.abs(predicted[r] - truth[r]);
                }
                return sum / n;
            }
            case RMSLOGP1E -> {
                for (int r = 0; r < n; r++) {
                    if (predicted[r] <= -1 || truth[r] <= -1) {
                        return Double.NaN;
                    }
                    double error = Math.log1p(predicted[r]) - Math.log1p(truth[r]);
                    sum += error * error;
                }
                return Math.sqrt(sum / n);
            }
            case R2 -> {
                double mean = Arrays.stream(truth).average().orElse(Double.NaN);
                double total = 0;
                for (int r = 0; r < n; r++) {
                    sum += (predicted[r] - truth[r]) * (predicted[r] - truth[r]);
                    total += (truth[r] - mean) * (truth[r] - mean);
                }
                return 1 - sum / total;
            }
            default -> throw new IllegalArgumentException(assessment + " does not assess a regression");
        }
    }

    /** A multi-class classifier's metric on class names: accuracy, weighted F1 or Cohen's κ. */
    static double multiclass(Assessment assessment, String[] predicted, String[] truth) {
        int n = truth.length;
        Map<String, Double> truePositives = new HashMap<>();
        Map<String, Double> predictedCounts = new HashMap<>();
        Map<String, Double> trueCounts = new HashMap<>();
        double correct = 0;
        for (int r = 0; r < n; r++) {
            predictedCounts.merge(predicted[r], 1.0, Double::sum);
            trueCounts.merge(truth[r], 1.0, Double::sum);
            if (predicted[r].equals(truth[r])) {
                correct++;
                truePositives.merge(truth[r], 1.0, Double::sum);
            }
        }
        Set<String> classes = new HashSet<>(trueCounts.keySet());
        classes.addAll(predictedCounts.keySet());
        return switch (assessment) {
            case ACCURACY -> correct / n;
            case MF1_W -> {
                double weighted = 0;
                for (String label : trueCounts.keySet()) {
                    double tp = truePositives.getOrDefault(label, 0.0);
                    double f1 = 2 * tp / (predictedCounts.getOrDefault(label, 0.0) + trueCounts.get(label));
                    weighted += trueCounts.get(label) * f1;
                }
                yield weighted / n;
            }
            case MKAPPA -> {
                double chance = 0;
                for (String label : classes) {
                    chance += predictedCounts.getOrDefault(label, 0.0) * trueCounts.getOrDefault(label, 0.0) / n / n;
                }
                yield chance == 1 ? 0 : (correct / n - chance) / (1 - chance);
            }
            default -> throw new IllegalArgumentException(assessment + " does not assess a multi-class classifier");
        };
    }
}
