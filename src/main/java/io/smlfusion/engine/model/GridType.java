package io.smlfusion.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code autoselect_grid_type}: the parameter grid an auto-selection tries for the penalised
 * regressions on the chosen input subset — λ = 10^t for t evenly spaced over
 * [{@code minPower}, {@code maxPower}] (glmnet's λ on standardised inputs), and for
 * {@code elasticnet} also η over (0, 1). The other algorithms have one point, their defaults.
 */
public enum GridType {
    TINY("autoselect_grid_type_tiny", -3, -1, 3, new double[] {0.5}),
    SMALL("autoselect_grid_type_small", -4, 0, 5, new double[] {0.25, 0.5, 0.75}),
    NORMAL("autoselect_grid_type_normal", -4, 1, 11, new double[] {0.1, 0.3, 0.5, 0.7, 0.9}),
    LARGE("autoselect_grid_type_large", -5, 2, 29, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9});

    private final String id;
    private final double minPower;
    private final double maxPower;
    private final int lambdas;
    private final double[] etas;

    GridType(String id, double minPower, double maxPower, int lambdas, double[] etas) {
        this.id = id;
        this.minPower = minPower;
        this.maxPower = maxPower;
        this.lambdas = lambdas;
        this.etas = etas;
    }

    public String id() {
        return id;
    }

    /**
     * @throws ModelBuildException naming the grid types
     */
    static GridType forId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst().orElseThrow(() ->
                new ModelBuildException("extraParameters.autoselect_grid_type = '" + id + "' is unknown; use "
                        + Arrays.stream(values()).map(GridType::id).collect(Collectors.joining(", "))));
    }

    /**
     * The grid points of {@code algorithm}, each the parameters it adds to the request's options; one
     * empty point when the algorithm has no grid or the request fixes its parameters ({@code lambda}).
     */
    List<Map<String, String>> points(ModelAlgorithm algorithm, ModelOptions requested) {
        boolean penalized = algorithm == ModelAlgorithm.RIDGE || algorithm == ModelAlgorithm.LASSO
                || algorithm == ModelAlgorithm.ELASTICNET;
        if (!penalized || requested.has("lambda")) {
            return List.of(Map.of());
        }
        double[] etaValues = algorithm == ModelAlgorithm.ELASTICNET && !requested.has("eta") ? etas : new double[] {Double.NaN};
        List<Map<String, String>> points = new ArrayList<>();
        for (double eta : etaValues) {
            for (int k = 0; k < lambdas; k++) {
                double power = lambdas == 1 ? maxPower : minPower + (maxPower - minPower) * k / (lambdas - 1);
                Map<String, String> point = new LinkedHashMap<>();
                point.put("lambda", Double.toString(Math.pow(10, power)));
                if (!Double.isNaN(eta)) {
                    point.put("eta", Double.toString(eta));
                }
                points.add(point);
            }
        }
        return points;
    }

    /** The point the subset search uses: the middle of the grid. */
    Map<String, String> centre(ModelAlgorithm algorithm, ModelOptions requested) {
        List<Map<String, String>> points = points(algorithm, requested);
        return points.get(points.size() / 2);
    }
}
