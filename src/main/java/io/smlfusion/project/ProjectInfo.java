package io.smlfusion.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.Schema;

/**
 * The {@code smlInfo} entity (spec §4.5) of a project. Besides the product's fields it reports
 * {@code rowCount}, the number of rows the statistics hold, and with histograms
 * {@code histogramRows}, the rows they describe: fewer than {@code rowCount} when histograms were
 * enabled ({@code histogramEnable}) after rows had been learned. {@code histogramEnabled} says
 * whether the statistics hold histograms — for a fusion, whether all its cells sent theirs.
 */
public final class ProjectInfo {

    private ProjectInfo() {
    }

    public static Map<String, Object> of(Project project) {
        ProjectHeader header = project.header();
        ProjectSettings settings = header.settings();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("pid", header.pid());
        project.read(statistics -> {
            describeAttributes(statistics, info);
            info.put("rowCount", statistics.total().count());
            if (statistics.histogramsEnabled()) {
                info.put("histogramRows", statistics.histogramRows());
            }
            return null;
        });
        List<StoredModel> models = project.models().all();
        info.put("modelsList", models.stream().map(StoredModel::id).toList());
        info.put("modelTypeList", models.stream().map(StoredModel::algorithmId).toList());
        info.put("dsList", List.of());
        info.put("modelAssessments", Map.of());
        info.put("modelPredictions", Map.of());
        Map<String, String> params = new LinkedHashMap<>(settings.options());
        params.put("sml_project_is_freeze", String.valueOf(header.frozen()));
        info.put("params", params);
        if (settings.partitionColumn() != null) {
            info.put("partitionColumn", settings.partitionColumn());
        }
        info.put("hash", -1);
        info.put("categorySeparator", "$");
        info.put("type", settings.type().wireName());
        info.put("creationDate", header.created().toEpochMilli());
        info.put("lastModificationDate", header.lastModified().toEpochMilli());
        info.put("loaded", true);
        info.put("persisted", settings.persisted());
        info.put("histogramEnabled", info.containsKey("histogramRows"));
        info.put("autoSave", settings.autoSave());
        project.describe(info, params);
        return info;
    }

    private static void describeAttributes(ProjectStatistics statistics, Map<String, Object> info) {
        Schema schema = statistics.schema();
        List<String> names = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            names.add(schema.name(i));
            indexes.add(i);
            types.add(schema.type(i).code());
        }
        info.put("attributeNames", names);
        info.put("attributeIndexes", indexes);
        info.put("attributeTypes", types);
    }
}
