package io.smlfusion.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smlfusion.engine.model.EvtThreshold;
import io.smlfusion.engine.model.Model;
import io.smlfusion.engine.model.ModelOptions;
import io.smlfusion.engine.model.ModelSpec;
import io.smlfusion.engine.stats.Schema;

/**
 * A model as its project keeps it: the model, and what the server knows beyond it — the build
 * options (to rebuild it), notes added to its ModelInfo {@code info}, when it was made and how long
 * the build took, and the schema indexes and types of its attributes at build time (a fusion's
 * ModelInfo needs no cell call). Immutable.
 *
 * @param notes entries the server adds to the model's {@code info} map (e.g. {@code svdreduce})
 * @param buildNanos the duration of {@code ModelBuilder.build}, 0 for an imported model
 * @param inputIndexes the schema index of each input, -1 when unknown
 * @param inputTypes the type code of each input
 * @param targetIndexes the schema index of each target, -1 when unknown
 * @param evtThreshold the EVT threshold watching the model's predictions (evtwrapper,
 *     {@code evt_anomaly_enabled}), or null; the one mutable part, thread-safe on its own
 */
public record StoredModel(String id, Model model, ModelOptions options, Map<String, String> notes,
                          Instant created, long buildNanos, List<Integer> inputIndexes,
                          List<String> inputTypes, List<Integer> targetIndexes,
                          EvtThreshold evtThreshold) {

    public StoredModel {
        notes = Map.copyOf(notes);
        inputIndexes = List.copyOf(inputIndexes);
        inputTypes = List.copyOf(inputTypes);
        targetIndexes = List.copyOf(targetIndexes);
    }

    /** A model without an EVT threshold. */
    public StoredModel(String id, Model model, ModelOptions options, Map<String, String> notes,
                       Instant created, long buildNanos, List<Integer> inputIndexes,
                       List<String> inputTypes, List<Integer> targetIndexes) {
        this(id, model, options, notes, created, buildNanos, inputIndexes, inputTypes, targetIndexes, null);
    }

    /** The same model with this EVT threshold (null: none). */
    public StoredModel withEvtThreshold(EvtThreshold threshold) {
        return new StoredModel(id, model, options, notes, created, buildNanos, inputIndexes, inputTypes,
                targetIndexes, threshold);
    }

    /** A model made now, its attributes located in {@code schema}. */
    public static StoredModel of(String id, Model model, ModelOptions options, Map<String, String> notes,
                                 Instant created, long buildNanos, Schema schema) {
        List<Integer> inputIndexes = new ArrayList<>();
        List<String> inputTypes = new ArrayList<>();
        for (String input : model.inputs()) {
            int index = schema.indexOf(input);
            inputIndexes.add(index);
            inputTypes.add(index < 0 ? "C" : schema.type(index).code());
        }
        List<Integer> targetIndexes = model.targets().stream().map(schema::indexOf).toList();
        return new StoredModel(id, model, options, new LinkedHashMap<>(notes), created, buildNanos,
                inputIndexes, inputTypes, targetIndexes);
    }

    /** What to build to rebuild this model: same algorithm, attributes and options. */
    public ModelSpec spec() {
        return new ModelSpec(model.algorithm(), model.targets(), model.inputs(), options);
    }

    public String algorithmId() {
        return model.algorithm().id();
    }
}
