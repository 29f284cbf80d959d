package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.List;

import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * {@code reduce?heuristic=default&algo=lda} (spec §8.3): backward elimination of an {@code lda}
 * model's inputs by the Mahalanobis distance Δ between the class means, from the statistics alone.
 * Each iteration removes the input whose removal keeps the largest Δ², as long as Δ² stays within
 * {@code delta} (relative) of the Δ² of all the requested inputs; it stops after
 * {@code numIterations} removals, when every removal would lose more, or at one input. Δ² is the
 * separation LDA's error rate depends on (for two Gaussian classes of a common covariance the
 * Bayes error at equal priors is Φ(−Δ/2)), so the reduced model keeps the discrimination the
 * inputs give up to {@code delta}.
 */
public final class DiscriminantReduction {

    /**
     * @param kept the inputs the reduced model uses, in their requested order
     * @param removed the removed inputs, in the order they were removed
     * @param fullDistance Δ with every requested input
     * @param distance Δ of the reduced model
     */
    public record Result(List<String> kept, List<String> removed, double fullDistance, double distance,
                         ModelSpec spec, Model model) {
    }

    private DiscriminantReduction() {
    }

    /**
     * @param delta the largest relative loss of Δ² accepted, 0 … 1
     * @param maxRemovals the most inputs removed
     * @throws ModelBuildException when the spec is not {@code lda} or its model cannot be built
     */
    public static Result reduce(ProjectStatistics statistics, ModelSpec spec, double delta, int maxRemovals) {
        if (spec.algorithm() != ModelAlgorithm.LDA) {
            throw new ModelBuildException("reduce supports algo lda only, not '" + spec.algorithm().id() + "'");
        }
        Model full = ModelBuilder.build(statistics, spec);
        double fullSquared = squaredDistance(full);
        List<String> kept = new ArrayList<>(spec.inputs());
        List<String> removed = new ArrayList<>();
        Model current = full;
        while (removed.size() < maxRemovals && kept.size() > 1) {
            Model best = null;
            String bestRemoved = null;
            for (String input : kept) {
                List<String> fewer = new ArrayList<>(kept);
                fewer.remove(input);
                Model candidate = ModelBuilder.build(statistics, new ModelSpec(spec.algorithm(), spec.targets(), fewer,
                        spec.options()));
                if (best == null || squaredDistance(candidate) > squaredDistance(best)) {
                    best = candidate;
                    bestRemoved = input;
                }
            }
            if (1 - squaredDistance(best) / fullSquared > delta) {
                break;
            }
            kept.remove(bestRemoved);
            removed.add(bestRemoved);
            current = best;
        }
        ModelSpec reduced = new ModelSpec(spec.algorithm(), spec.targets(), kept, spec.options());
        return new Result(kept, removed, Math.sqrt(fullSquared), Math.sqrt(squaredDistance(current)), reduced, current);
    }

    private static double squaredDistance(Model model) {
        double distance = Double.parseDouble(model.description().info().get("distance"));
        return distance * distance;
    }
}
