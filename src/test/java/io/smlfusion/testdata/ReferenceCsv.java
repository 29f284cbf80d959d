package io.smlfusion.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;

/**
 * A numeric CSV file of the reference data sets (header row, comma separated), row by row: the one
 * reader of them for every test package. The sets a clone needs are in the repository under
 * {@code examples/data} (iris, housing-fed3; origin and reference figures in its README.md); the
 * larger bank-fed3 (3.9 MB) is read from {@code ../shared/data} beside the repository when present.
 */
public record ReferenceCsv(List<String> names, List<double[]> rows) {

    /** The data folder inside the repository, relative to the repository root (the tests' cwd). */
    public static final Path IN_REPOSITORY = Path.of("examples", "data");

    /** Where data sets too large for the repository live, beside it. */
    public static final Path BESIDE_REPOSITORY = Path.of("..", "shared", "data");

    /** {folder}/{file} under {@link #IN_REPOSITORY} when it is there, else under {@link #BESIDE_REPOSITORY}. */
    public static Path locate(String folder, String file) {
        Path inRepository = IN_REPOSITORY.resolve(folder).resolve(file);
        return Files.isRegularFile(inRepository) ? inRepository : BESIDE_REPOSITORY.resolve(folder).resolve(file);
    }

    /** Reads {folder}/{file} from where {@link #locate} finds it. */
    public static ReferenceCsv read(String folder, String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(locate(folder, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = List.of(lines.get(0).trim().split(","));
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] cells = line.trim().split(",");
                double[] row = new double[names.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = Double.parseDouble(cells[c]);
                }
                rows.add(row);
            }
        }
        return new ReferenceCsv(names, rows);
    }

    /** The statistics of an unpartitioned project that learned each file in order. */
    public static ProjectStatistics learn(List<AttributeType> types, ReferenceCsv... files) {
        ProjectStatistics statistics = new ProjectStatistics(false, false);
        for (ReferenceCsv file : files) {
            statistics.learn(file.block(types, null));
        }
        return statistics;
    }

    /** Every column continuous. */
    public static List<AttributeType> continuous(int width) {
        return Collections.nCopies(width, AttributeType.CONTINUOUS);
    }

    /** All rows, row-major, the layout {@code MomentBlock.learn} takes. */
    public double[] rowMajor() {
        int width = names.size();
        double[] values = new double[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * width, width);
        }
        return values;
    }

    public DataBlock block(List<AttributeType> types, String[] partitionValues) {
        return new DataBlock(names, types, rowMajor(), rows.size(), partitionValues);
    }

    public int column(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return index;
    }

    /** The named columns of row r, in the given order. */
    public double[] values(int r, List<String> columns) {
        double[] row = rows.get(r);
        return columns.stream().mapToDouble(name -> row[column(name)]).toArray();
    }

    /** The names except the given ones, in file order. */
    public List<String> namesExcept(String... excluded) {
        List<String> kept = new ArrayList<>(names);
        kept.removeAll(List.of(excluded));
        return kept;
    }
}
