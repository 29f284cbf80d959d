package io.smlfusion.modelling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.smlfusion.model.Model;
import io.smlfusion.model.ModelAlgorithm;
import io.smlfusion.model.ModelBuilder;
import io.smlfusion.model.ModelOptions;
import io.smlfusion.model.ModelSpec;
import io.smlfusion.stats.AttributeType;
import io.smlfusion.stats.DataBlock;
import io.smlfusion.stats.ProjectStatistics;

/** The reference CSV files of ../shared/data as statistics and rows, for the glue's unit tests. */
final class ModellingData {

    static final String[] HOUSING = {"housing-fed3/housing1.csv", "housing-fed3/housing2.csv", "housing-fed3/housing3.csv"};
    static final String[] BANK = {"bank-fed3/bank1.csv", "bank-fed3/bank2.csv", "bank-fed3/bank3.csv"};

    private ModellingData() {
    }

    /** Header, then numeric rows. */
    record Table(List<String> names, List<double[]> rows) {

        double[] values(int r, List<String> columns) {
            return columns.stream().mapToDouble(name -> rows.get(r)[names.indexOf(name)]).toArray();
        }

        List<String> namesExcept(String excluded) {
            List<String> kept = new ArrayList<>(names);
            kept.remove(excluded);
            return kept;
        }
    }

    static Table table(String relative) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("..", "shared", "data").resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = List.of(lines.get(0).trim().split(","));
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] cells = line.trim().split(",");
                double[] row = new double[cells.length];
                for (int c = 0; c < row.length; c++) {
                    row[c] = Double.parseDouble(cells[c]);
                }
                rows.add(row);
            }
        }
        return new Table(names, rows);
    }

    static ProjectStatistics learned(String... files) {
        ProjectStatistics statistics = new ProjectStatistics(false, false);
        for (String file : files) {
            Table table = table(file);
            int width = table.names().size();
            double[] values = new double[table.rows().size() * width];
            for (int r = 0; r < table.rows().size(); r++) {
                System.arraycopy(table.rows().get(r), 0, values, r * width, width);
            }
            statistics.learn(new DataBlock(table.names(), Collections.nCopies(width, AttributeType.CONTINUOUS), values,
                    table.rows().size()));
        }
        return statistics;
    }

    static Model build(ProjectStatistics statistics, String algo, String target, List<String> inputs,
                       Map<String, String> options) {
        return ModelBuilder.build(statistics, new ModelSpec(ModelAlgorithm.forId(algo), List.of(target), inputs,
                ModelOptions.of(options)));
    }
}
