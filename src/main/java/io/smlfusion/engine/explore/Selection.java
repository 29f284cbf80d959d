package io.smlfusion.engine.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.Schema;

/**
 * One MLContext resolved against a project's statistics for one metric: its attributes as schema
 * indexes, its extra parameters parsed, and the messages that tell the client what the metric
 * expects when the request does not fit.
 *
 * <p>Attribute references are resolved by {@link MLContext#inputIndexes} and
 * {@link MLContext#targetIndexes} (spec §4.3), shared with modelling.
 */
final class Selection {

    private final String metric;
    private final ProjectStatistics statistics;
    private final MLContext context;
    private final MomentSums sums;
    private int[] inputs;
    private int[] targets;

    Selection(String metric, ProjectStatistics statistics, MLContext context) {
        this.metric = metric;
        this.statistics = statistics;
        this.context = context;
        this.sums = new MomentSums(statistics);
    }

    String metric() {
        return metric;
    }

    ProjectStatistics statistics() {
        return statistics;
    }

    Schema schema() {
        return statistics.schema();
    }

    MomentSums sums() {
        return sums;
    }

    /** The input attributes, resolved. */
    int[] inputs() {
        if (inputs == null) {
            inputs = context.inputIndexes(schema());
        }
        return inputs;
    }

    /** The target attributes, resolved. */
    int[] targets() {
        if (targets == null) {
            targets = context.targetIndexes(schema());
        }
        return targets;
    }

    /** The inputs, then the targets: "the attributes of the MLContext" of {@code uni} and {@code bi}. */
    int[] attributes() {
        return IntStream.concat(Arrays.stream(inputs()), Arrays.stream(targets())).toArray();
    }

    /** The inputs as the client wrote them, from whichever list holds them (category names for chi2). */
    List<String> inputTexts() {
        return context.inputTexts();
    }

    /** Whether {@code text} is written as an attribute index (a whole number) rather than a name. */
    static boolean isIndex(String text) {
        return MLContext.isIndex(text);
    }

    boolean hasTargets() {
        return context.hasTargets();
    }

    boolean isBinary(int attribute) {
        return schema().type(attribute) == AttributeType.BINARY;
    }

    boolean isContinuous(int attribute) {
        return schema().type(attribute) == AttributeType.CONTINUOUS;
    }

    boolean allBinary(int[] attributes) {
        return Arrays.stream(attributes).allMatch(this::isBinary);
    }

    String name(int attribute) {
        return schema().name(attribute);
    }

    /**
     * The error for a request that does not fit: "{@code <metric> expects <expectation>; got
     * <what the MLContext holds>}".
     */
    ExploreException expected(String expectation) {
        return new ExploreException(metric + " expects " + expectation + "; got " + describe());
    }

    /** The parameter as text, or null when absent or blank. */
    String parameter(String key) {
        String value = context.extraParameters().get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A required numeric parameter. */
    double number(String key, String meaning) {
        String value = parameter(key);
        if (value == null) {
            throw new ExploreException(metric + " needs extraParameters." + key + " (" + meaning + ")");
        }
        return parseNumber(key, value);
    }

    /** An optional numeric parameter. */
    double number(String key, double defaultValue) {
        String value = parameter(key);
        return value == null ? defaultValue : parseNumber(key, value);
    }

    /** An optional boolean parameter, {@code true} or {@code false} in any case. */
    boolean flag(String key, boolean defaultValue) {
        String value = parameter(key);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ExploreException("extraParameters." + key + " = '" + value + "' is not true or false");
        };
    }

    /** A required whole-number parameter of at least {@code minimum}. */
    int wholeNumber(String key, int minimum, String meaning) {
        String value = parameter(key);
        if (value == null) {
            throw new ExploreException(metric + " needs extraParameters." + key + " (" + meaning + ")");
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ExploreException("extraParameters." + key + " = '" + value + "' is not a whole number of at least "
                + minimum + " (" + meaning + ")");
    }

    private double parseNumber(String key, String value) {
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ExploreException("extraParameters." + key + " = '" + value + "' is not a finite number");
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("inputAttributes " + described(inputs()));
        if (hasTargets()) {
            parts.add("targets " + described(targets()));
        }
        return String.join(" and ", parts);
    }

    private String described(int[] attributes) {
        return Arrays.stream(attributes)
                .mapToObj(i -> "'" + name(i) + "' (" + i + ", " + schema().type(i).code() + ")")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
