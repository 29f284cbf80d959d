package io.smlfusion.modelling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smlfusion.engine.model.Model;
import io.smlfusion.engine.model.ModelTable;
import io.smlfusion.project.StoredModel;

/**
 * The ModelInfo entity (spec §4.8) of a stored model, exactly the product's keys:
 * <ul>
 * <li>{@code modelId}, {@code modelType} (the {@code algo} id), {@code modelBuilt} (1: built once,
 *     never by a reducer), {@code buildTime} (the build's duration in milliseconds, fractional;
 *     0 for an imported model), {@code creationDate} (epoch ms);</li>
 * <li>{@code attributeNames}, {@code attributeIndexes}, {@code attributeTypes}: the inputs, in the
 *     order a prediction row holds them, with their schema index and type at build time;</li>
 * <li>{@code targetNames}, {@code targetindexes} (lower-case i);</li>
 * <li>{@code predictInfo}, {@code scoreInfo}: the keys of every prediction (with an EVT wrapper
 *     also its keys, present after its warm-up), and the score's;</li>
 * <li>{@code info}: the model's own entries (numbers with full double precision), then
 *     {@code buildStatus} ({@code OK}), {@code buildTimeNanosec}, the server's notes and an EVT
 *     wrapper's settings and state ({@code evt_*});</li>
 * <li>{@code extra}: each model table as a DataFrame — the label column typed {@code S}, value
 *     columns {@code C}, values with full double precision.</li>
 * </ul>
 */
public final class ModelInfo {

    private ModelInfo() {
    }

    public static Map<String, Object> of(StoredModel stored) {
        Model model = stored.model();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("modelId", stored.id());
        info.put("modelType", stored.algorithmId());
        info.put("modelBuilt", 1);
        info.put("buildTime", stored.buildNanos() / 1e6);
        info.put("attributeNames", model.inputs());
        info.put("attributeIndexes", stored.inputIndexes());
        info.put("attributeTypes", stored.inputTypes());
        List<String> predictInfo = new ArrayList<>(model.description().predictInfo());
        if (stored.evtThreshold() != null) {
            predictInfo.addAll(stored.evtThreshold().outputKeys());
        }
        info.put("predictInfo", predictInfo);
        info.put("scoreInfo", model.description().scoreInfo());
        info.put("targetNames", model.targets());
        info.put("targetindexes", stored.targetIndexes());
        Map<String, String> entries = new LinkedHashMap<>(model.description().info());
        entries.put("buildStatus", "OK");
        entries.put("buildTimeNanosec", Long.toString(stored.buildNanos()));
        entries.putAll(stored.notes());
        if (stored.evtThreshold() != null) {
            entries.putAll(stored.evtThreshold().describe());
        }
        info.put("info", entries);
        info.put("creationDate", stored.created().toEpochMilli());
        Map<String, Object> extra = new LinkedHashMap<>();
        model.description().extra().forEach((name, table) -> extra.put(name, dataFrame(table)));
        info.put("extra", extra);
        return info;
    }

    /** A response DataFrame (spec §4.2) of a model table. */
    static Map<String, Object> dataFrame(ModelTable table) {
        List<String> types = new ArrayList<>();
        types.add("S");
        types.addAll(Collections.nCopies(table.valueColumns().size(), "C"));
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("attributeNames", table.columns());
        frame.put("attributeTypes", types);
        frame.put("data", table.rows());
        return frame;
    }
}
