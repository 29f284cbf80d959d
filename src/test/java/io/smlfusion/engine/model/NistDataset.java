package io.smlfusion.engine.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.testdata.ReferenceCsv;

/**
 * A NIST StRD linear least-squares data set with its certified values, from
 * {@code src/test/resources/io/smlfusion/engine/model/nist/} (each file names its origin). A
 * polynomial set ({@code degree,k}) has columns y, x; its inputs are x, x², …, xᵏ, formed here
 * (exact in double for these data: integers below 2⁵³).
 *
 * @param estimates the certified B0 (intercept), B1, …
 * @param standardErrors the certified standard deviations of the estimates
 * @param table the rows as the model sees them: y first, then the inputs
 */
public record NistDataset(String name, double[] estimates, double[] standardErrors, ReferenceCsv table) {

    /** The certified values carry 15 significant digits. */
    static final double LRE_CAP = 15;

    static final List<String> NAMES = List.of("Norris", "Pontius", "Longley", "Wampler1",
            "Wampler2", "Wampler3", "Wampler4", "Wampler5");

    public static NistDataset read(String name) {
        String resource = "nist/" + name.toLowerCase() + ".csv";
        String text;
        try (InputStream in = NistDataset.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int degree = 0;
        List<double[]> certified = new ArrayList<>();
        List<String> header = null;
        List<double[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] cells = line.trim().split(",");
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            } else if (cells[0].equals("degree")) {
                degree = Integer.parseInt(cells[1]);
            } else if (cells[0].equals("certified")) {
                certified.add(new double[] {Double.parseDouble(cells[2]),
                        Double.parseDouble(cells[3])});
            } else if (header == null) {
                header = List.of(cells);
            } else {
                double[] values = new double[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    values[c] = Double.parseDouble(cells[c]);
                }
                rows.add(degree == 0 ? values : powers(values[0], values[1], degree));
            }
        }
        List<String> names = degree == 0 ? header : powerNames(degree);
        return new NistDataset(name, certified.stream().mapToDouble(c -> c[0]).toArray(),
                certified.stream().mapToDouble(c -> c[1]).toArray(), new ReferenceCsv(names, rows));
    }

    /** The inputs, in the order of B1, B2, …. */
    public List<String> inputs() {
        return table.names().subList(1, table.names().size());
    }

    public String target() {
        return table.names().get(0);
    }

    /**
     * The statistics a fusion of three cells holds: the rows dealt round-robin to three projects,
     * each learning its share, merged in cell order as {@code FusionMerge} does.
     */
    ProjectStatistics threeCellFusion() {
        List<AttributeType> types = ReferenceCsv.continuous(table.names().size());
        List<ProjectStatistics> cells = new ArrayList<>();
        for (int cell = 0; cell < 3; cell++) {
            List<double[]> share = new ArrayList<>();
            for (int r = cell; r < table.rows().size(); r += 3) {
                share.add(table.rows().get(r));
            }
            ProjectStatistics statistics = new ProjectStatistics(false, false);
            DataBlock block = new ReferenceCsv(table.names(), share).block(types, null);
            statistics.learn(block);
            cells.add(statistics);
        }
        return ProjectStatistics.mergeAll(cells);
    }

    /** {@code mlr} of y on the inputs, built from the three-cell fusion's statistics. */
    LinearRegressionModel fusionMlr() {
        return (LinearRegressionModel) ModelBuilder.build(threeCellFusion(), new ModelSpec(
                ModelAlgorithm.MLR, List.of(target()), inputs(), ModelOptions.none()));
    }

    /**
     * The log relative error of B. D. McCullough, "Assessing the reliability of statistical
     * software: Part I", The American Statistician 52 (1998): −log₁₀(|x − c| / |c|), or
     * −log₁₀|x − c| where the certified c is 0, capped at the 15 digits NIST certifies.
     */
    public static double lre(double value, double certified) {
        double error = certified == 0 ? Math.abs(value) : Math.abs(value - certified)
                / Math.abs(certified);
        return error == 0 ? LRE_CAP : Math.min(LRE_CAP, Math.max(0, -Math.log10(error)));
    }

    private static double[] powers(double y, double x, int degree) {
        double[] row = new double[degree + 1];
        row[0] = y;
        double power = 1;
        for (int k = 1; k <= degree; k++) {
            power *= x;
            row[k] = power;
        }
        return row;
    }

    private static List<String> powerNames(int degree) {
        List<String> names = new ArrayList<>(List.of("y", "x"));
        for (int k = 2; k <= degree; k++) {
            names.add("x" + k);
        }
        return names;
    }
}
