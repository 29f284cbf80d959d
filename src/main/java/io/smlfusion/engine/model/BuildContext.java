package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.MergeableHistogram;
import io.smlfusion.engine.stats.Moments;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.Schema;

/**
 * A {@link ModelSpec} resolved against a project's statistics: attribute indexes, the moments,
 * the checks every algorithm shares, and the errors that say what the algorithm expects.
 */
final class BuildContext {

    /** Σ(y(y − 1))² ≤ this × n counts as 0 for a 0/1 variable stored as type C. */
    private static final double BINARY_TOLERANCE = 1e-9;

    private final ProjectStatistics statistics;
    private final ModelSpec spec;
    private final int[] inputs;
    private final int[] targets;

    BuildContext(ProjectStatistics statistics, ModelSpec spec) {
        this.statistics = statistics;
        this.spec = spec;
        this.inputs = resolve("input", spec.inputs());
        this.targets = resolve("target", spec.targets());
    }

    ModelAlgorithm algorithm() {
        return spec.algorithm();
    }

    ModelOptions options() {
        return spec.options();
    }

    Schema schema() {
        return statistics.schema();
    }

    /** The statistics of every row. */
    Moments total() {
        return statistics.total();
    }

    long count() {
        return statistics.total().count();
    }

    int[] inputs() {
        return inputs.clone();
    }

    List<String> inputNames() {
        return spec.inputs();
    }

    /** The single target's index. */
    int target() {
        if (targets.length != 1) {
            throw failure("needs exactly one target attribute; got " + targets.length
                    + (targets.length == 0 ? "" : " " + spec.targets()));
        }
        return targets[0];
    }

    String targetName() {
        return schema().name(target());
    }

    /** The signature of a model of this spec: input means over every row. */
    ModelSignature signature() {
        return new ModelSignature(algorithm(), spec.targets(), spec.inputs(),
                ScatterMatrices.means(total(), inputs));
    }

    /** Requires n &gt; {@code parameters}: rows to estimate the inputs' coefficients and more. */
    void requireRowsAbove(long parameters, String what) {
        if (count() <= parameters) {
            throw failure("needs more than " + parameters + " rows (" + what + "); the project has "
                    + count() + " rows for " + inputs.length + " inputs");
        }
    }

    /**
     * The single target, which must be binary: type B, or a type C attribute whose every value is
     * 0 or 1 — Σ(y(y − 1))² = Σy⁴ − 2Σy³ + Σy² = 0 (Σy⁴ is Q_yy; Σy³, Σy² follow from the centred
     * moments) — and must take both values.
     */
    int binaryTarget() {
        int target = target();
        Moments moments = total();
        double n = moments.count();
        if (schema().type(target) != AttributeType.BINARY) {
            double mean = moments.mean(target);
            double m2 = moments.m2(target);
            double sumOfSquares = m2 + n * mean * mean;
            double sumOfCubes = moments.m3(target) + 3 * mean * m2 + n * mean * mean * mean;
            double deviation = moments.sumOfSquaredProducts(target, target) - 2 * sumOfCubes
                    + sumOfSquares;
            if (Math.abs(deviation) > BINARY_TOLERANCE * Math.max(n, 1)) {
                throw failure("needs a binary target (type B, or only the values 0 and 1); '"
                        + targetName() + "' is type " + schema().type(target).code()
                        + " with values other than 0 and 1");
            }
        }
        double ones = Math.rint(n * moments.mean(target));
        if (ones < 1 || ones > n - 1) {
            throw failure("needs rows of both classes; target '" + targetName() + "' is "
                    + (ones < 1 ? "0" : "1") + " in all " + (long) n + " rows");
        }
        return target;
    }

    /** The blocks of a partitioned project, one class per partition value, at least two. */
    Map<String, Moments> classes() {
        Map<String, Moments> partitions = statistics.partitions();
        if (!statistics.partitioned()) {
            throw failure("needs a partitioned project (one class per partition value); "
                    + "this project is not partitioned");
        }
        if (partitions.size() < 2) {
            throw failure("needs at least 2 partition values (classes); the project has "
                    + partitions.size());
        }
        return partitions;
    }

    /**
     * The histogram of an attribute (a copy), for the models that read marginal distributions.
     *
     * @throws ModelBuildException when the project keeps no histograms
     */
    MergeableHistogram histogram(int attribute) {
        if (!statistics.histogramsEnabled()) {
            throw failure("needs a histogram-enabled project (create it with enableHistogram=true "
                    + "or turn histograms on with histogramEnable); this project keeps none");
        }
        return statistics.histogram(attribute);
    }

    /** An error prefixed with the algorithm id. */
    ModelBuildException failure(String problem) {
        return new ModelBuildException(algorithm().id() + " " + problem);
    }

    private int[] resolve(String role, List<String> names) {
        List<Integer> indexes = new ArrayList<>(names.size());
        for (String name : names) {
            int index = schema().indexOf(name);
            if (index < 0) {
                throw new ModelBuildException(role + " attribute '" + name
                        + "' is unknown to this project");
            }
            indexes.add(index);
        }
        return indexes.stream().mapToInt(Integer::intValue).toArray();
    }
}
