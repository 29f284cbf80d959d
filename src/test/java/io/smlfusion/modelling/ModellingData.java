package io.smlfusion.modelling;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.smlfusion.engine.model.Model;
import io.smlfusion.engine.model.ModelAlgorithm;
import io.smlfusion.engine.model.ModelBuilder;
import io.smlfusion.engine.model.ModelOptions;
import io.smlfusion.engine.model.ModelSpec;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.testdata.ReferenceCsv;

/** The reference CSV files (ReferenceCsv: examples/data, bank-fed3 beside the repository) as statistics and rows, for the glue's unit tests. */
final class ModellingData {

    static final String[] HOUSING = {"housing-fed3/housing1.csv", "housing-fed3/housing2.csv", "housing-fed3/housing3.csv"};
    static final String[] BANK = {"bank-fed3/bank1.csv", "bank-fed3/bank2.csv", "bank-fed3/bank3.csv"};

    private ModellingData() {
    }

    static ReferenceCsv table(String relative) {
        Path path = Path.of(relative);
        return ReferenceCsv.read(path.getParent().toString(), path.getFileName().toString());
    }

    static ProjectStatistics learned(String... files) {
        ReferenceCsv[] tables = Arrays.stream(files).map(ModellingData::table).toArray(ReferenceCsv[]::new);
        return ReferenceCsv.learn(ReferenceCsv.continuous(tables[0].names().size()), tables);
    }

    static Model build(ProjectStatistics statistics, String algo, String target, List<String> inputs,
                       Map<String, String> options) {
        return ModelBuilder.build(statistics, new ModelSpec(ModelAlgorithm.forId(algo), List.of(target), inputs,
                ModelOptions.of(options)));
    }
}
