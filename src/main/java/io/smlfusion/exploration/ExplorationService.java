package io.smlfusion.exploration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.smlfusion.engine.explore.Density;
import io.smlfusion.engine.explore.DensityEstimate;
import io.smlfusion.engine.explore.Exploration;
import io.smlfusion.engine.explore.ExploreException;
import io.smlfusion.engine.explore.ExploreFormat;
import io.smlfusion.engine.explore.MLContext;
import io.smlfusion.engine.explore.PrincipalComponents;
import io.smlfusion.engine.explore.SingularValues;
import io.smlfusion.engine.explore.VarianceInflation;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.project.Project;
import io.smlfusion.project.ProjectInfo;
import io.smlfusion.project.ProjectService;
import io.smlfusion.refusal.RequestRefused;

/**
 * The Exploration API (spec §7) over any {@link Project} — a cell or a fusion, read through the
 * same seam. Each method checks what can be checked at once (the project, the metric, the body)
 * and answers the work still to do, so the resource can run it in the request or as a job.
 * Numbers are formatted per {@value #FORMAT_KEY} (default {@value ExploreFormat#DEFAULT_PATTERN}),
 * or not at all when the caller asks for raw numbers.
 */
@ApplicationScoped
public class ExplorationService {

    public static final String FORMAT_KEY = "rtlm.option.sml.explore.double.format";
    public static final String TOLERANCE_KEY = "rtlm.option.sml.default.rcond.threshold";
    static final double DEFAULT_TOLERANCE = 1e-14;

    @Inject
    ProjectService projects;

    @Inject
    Config config;

    /** What an exploration answers: the envelope's status string and entities. */
    public record Answer(String statusString, Map<String, Object> values) {
    }

    /** {@code explore?metric=}: one KSVDMap entry per MLContext, and {@code smlInfo} when asked. */
    public Supplier<Answer> explore(String cid, String pid, String metric, String body, boolean raw,
                                    boolean projectInfo) {
        Project project = projects.project(cid, pid);
        translated(() -> Exploration.requireMetric(metric));
        List<MLContext> contexts = MLContexts.readAll(body);
        ExploreFormat format = format(raw);
        return () -> {
            ExploreFormat.KsvdValues values = format.ksvd(read(project, s -> Exploration.explore(s, metric, contexts)));
            Map<String, Object> entities = new LinkedHashMap<>();
            entities.put("KSVDMap", Map.of("values", values.values()));
            if (projectInfo) {
                entities.put("smlInfo", ProjectInfo.of(project));
            }
            return new Answer(values.warning().map(warning -> "OK; " + warning).orElse("OK"), entities);
        };
    }

    /** {@code vif}: KSVSMap of input index → VIF, one map per MLContext. */
    public Supplier<Answer> varianceInflation(String cid, String pid, String body, boolean raw) {
        Project project = projects.project(cid, pid);
        List<MLContext> contexts = MLContexts.readAll(body);
        ExploreFormat format = format(raw);
        double tolerance = tolerance();
        return () -> ksvsMap(read(project, s -> Exploration.forEach(contexts,
                context -> texts(VarianceInflation.compute(s, context, tolerance), format))));
    }

    /** {@code exploresvd}: KSVSMap of singular value → attribute name, one map per MLContext. */
    public Supplier<Answer> singularValues(String cid, String pid, String body, boolean raw) {
        Project project = projects.project(cid, pid);
        List<MLContext> contexts = MLContexts.readAll(body);
        ExploreFormat format = format(raw);
        return () -> ksvsMap(read(project, s -> Exploration.forEach(contexts,
                context -> SingularValues.ranked(s, context, format))));
    }

    /** {@code exploresvdfs}: KSVSMap of the kept input indexes → names, one map per MLContext. */
    public Supplier<Answer> singularValueSelection(String cid, String pid, String body) {
        Project project = projects.project(cid, pid);
        List<MLContext> contexts = MLContexts.readAll(body);
        double tolerance = tolerance();
        return () -> ksvsMap(read(project, s -> Exploration.forEach(contexts,
                context -> SingularValues.selected(s, context, tolerance))));
    }

    /** {@code explorepca?explainedCovariance=}: pcaVectors, pcaValues, pcaSumValues of the one MLContext. */
    public Supplier<Answer> principalComponents(String cid, String pid, String body, String explainedCovariance,
                                                boolean raw) {
        Project project = projects.project(cid, pid);
        List<MLContext> contexts = MLContexts.readAll(body);
        if (contexts.size() != 1) {
            throw RequestRefused.invalid("explorepca takes an ExploreContext of exactly one MLContext, not "
                    + contexts.size());
        }
        double share = share(explainedCovariance);
        ExploreFormat format = format(raw);
        return () -> {
            PrincipalComponents pca = read(project, s -> Exploration.forEach(contexts,
                    context -> PrincipalComponents.of(s, context, share)).get(0));
            Map<String, Object> entities = new LinkedHashMap<>();
            entities.put("pcaVectors", dataFrame(pca.attributes(), Arrays.asList(pca.vectors()), format));
            entities.put("pcaValues", dataFrame(List.of("eigenvalue", "proportion", "cumulative"),
                    proportions(pca), format));
            entities.put("pcaSumValues", format.apply(pca.totalVariance()));
            return new Answer("OK", entities);
        };
    }

    /** {@code densityEstimate}: densityList, one Density per MLContext. */
    public Supplier<Answer> density(String cid, String pid, String body, boolean raw) {
        return densities(cid, pid, body, raw, DensityEstimate::of);
    }

    /** {@code conditionalDensityEstimate}: densityList, one Density per (target, conditional) MLContext. */
    public Supplier<Answer> conditionalDensity(String cid, String pid, String body, boolean raw) {
        return densities(cid, pid, body, raw, DensityEstimate::conditional);
    }

    private Supplier<Answer> densities(String cid, String pid, String body, boolean raw,
                                       BiFunction<ProjectStatistics, MLContext, Density> estimate) {
        Project project = projects.project(cid, pid);
        List<MLContext> contexts = MLContexts.readAll(body);
        ExploreFormat format = format(raw);
        return () -> {
            List<Density> densities = read(project, s -> Exploration.forEach(contexts, context -> estimate.apply(s, context)));
            List<Map<String, Object>> list = densities.stream().map(density -> densityEntity(density, format)).toList();
            return new Answer("OK", Map.of("densityList", Map.of("values", list)));
        };
    }

    private static Map<String, Object> densityEntity(Density density, ExploreFormat format) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("attrName", density.attrName());
        entity.put("min", format.apply(density.min()));
        entity.put("max", format.apply(density.max()));
        entity.put("width", format.apply(density.width()));
        entity.put("histogram", Arrays.stream(format.apply(density.histogram())).boxed().toList());
        entity.put("error", density.error());
        return entity;
    }

    /** Rows of (eigenvalue, its share of the total, the cumulative share). */
    private static List<double[]> proportions(PrincipalComponents pca) {
        List<double[]> rows = new ArrayList<>();
        double cumulative = 0;
        for (double eigenvalue : pca.eigenvalues()) {
            cumulative += eigenvalue;
            rows.add(new double[] {eigenvalue, eigenvalue / pca.totalVariance(), cumulative / pca.totalVariance()});
        }
        return rows;
    }

    /** A response DataFrame (spec §4.2): continuous columns, values as text. */
    private static Map<String, Object> dataFrame(List<String> names, List<double[]> rows, ExploreFormat format) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("attributeNames", names);
        frame.put("attributeTypes", Collections.nCopies(names.size(), "C"));
        frame.put("data", rows.stream().map(row -> Arrays.stream(row).mapToObj(format::text).toList()).toList());
        return frame;
    }

    private static Map<String, String> texts(Map<String, Double> values, ExploreFormat format) {
        Map<String, String> texts = new LinkedHashMap<>();
        values.forEach((key, value) -> texts.put(key, format.text(value)));
        return texts;
    }

    private static Answer ksvsMap(List<Map<String, String>> maps) {
        return new Answer("OK", Map.of("KSVSMap", Map.of("values", maps)));
    }

    /**
     * Runs {@code reader} on a consistent view of the project, an {@link ExploreException} becoming a
     * 400 — which, on a fusion with failed cells, names them: an attribute "missing" from a merge
     * is usually one a failed cell holds.
     */
    private static <T> T read(Project project, Function<ProjectStatistics, T> reader) {
        try {
            return project.read(reader);
        } catch (ExploreException e) {
            throw RequestRefused.invalid(e.getMessage()
                    + project.failedParts().map(cells -> "; these cells of the fusion are not OK: " + cells).orElse(""));
        }
    }

    private static <T> T translated(Supplier<T> computation) {
        try {
            return computation.get();
        } catch (ExploreException e) {
            throw RequestRefused.invalid(e.getMessage());
        }
    }

    private ExploreFormat format(boolean raw) {
        if (raw) {
            return ExploreFormat.RAW;
        }
        String pattern = config.getOptionalValue(FORMAT_KEY, String.class).orElse(ExploreFormat.DEFAULT_PATTERN);
        try {
            return ExploreFormat.pattern(pattern);
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "Server configuration " + FORMAT_KEY + ": "
                    + e.getMessage());
        }
    }

    private double tolerance() {
        return config.getOptionalValue(TOLERANCE_KEY, Double.class).orElse(DEFAULT_TOLERANCE);
    }

    private static double share(String explainedCovariance) {
        if (explainedCovariance == null || explainedCovariance.isBlank()) {
            return 1;
        }
        try {
            return Double.parseDouble(explainedCovariance.strip());
        } catch (NumberFormatException e) {
            throw RequestRefused.invalid("explainedCovariance = '" + explainedCovariance + "' is not a number in (0, 1]");
        }
    }
}
