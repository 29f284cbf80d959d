package io.smlfusion.modelling;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import io.smlfusion.engine.model.Model;
import io.smlfusion.engine.model.ModelCodec;
import io.smlfusion.engine.model.ModelFormatException;
import io.smlfusion.engine.model.ModelOptions;
import io.smlfusion.json.JsonFactory;
import io.smlfusion.persistence.ModelEntity;
import io.smlfusion.persistence.ModelRepository;
import io.smlfusion.project.ModelStorage;
import io.smlfusion.project.ProjectModels;
import io.smlfusion.project.StoredModel;

/**
 * Writes the models of persisted projects to the database ({@code SML_MODEL}: one row per model,
 * the model — with its EVT threshold's state — in the {@link ModelCodec} format plus a JSON of what {@link StoredModel} adds) and
 * reads them back. Callers decide when a project's models are persisted; renaming and deleting a
 * project's rows is part of the project's own rename and delete.
 */
@ApplicationScoped
public class ModelStore implements ModelStorage {

    private static final Logger LOG = Logger.getLogger(ModelStore.class.getName());

    @Inject
    ModelRepository repository;

    public void save(String cid, String pid, StoredModel model) {
        repository.save(entity(cid, pid, model));
    }

    public void delete(String cid, String pid, String modelId) {
        repository.delete(cid, pid, modelId);
    }

    /** Makes the stored models of the project exactly {@code models}, in one transaction. */
    @Override
    public void saveAll(String cid, String pid, ProjectModels models) {
        repository.replaceAll(cid, pid, models.all().stream().map(model -> entity(cid, pid, model)).toList());
    }

    /**
     * Puts the project's stored models into {@code models}, oldest first. A row this server cannot
     * read (a model format from a newer version) is logged and left in the database, not loaded.
     */
    @Override
    public void restoreInto(String cid, String pid, ProjectModels models) {
        for (ModelEntity row : repository.findAll(cid, pid)) {
            try {
                models.put(restore(row));
            } catch (ModelFormatException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Stored model [" + row.getModelId() + "] of project [" + pid + "] of customer ["
                        + cid + "] cannot be read and is not loaded: " + e.getMessage(), e);
            }
        }
    }

    static ModelEntity entity(String cid, String pid, StoredModel model) {
        ModelEntity entity = new ModelEntity(cid, pid, model.id());
        entity.update(model.algorithmId(), model.created(), model.buildNanos(), metadata(model),
                ModelCodec.encode(model.model(), model.evtThreshold()));
        return entity;
    }

    static StoredModel restore(ModelEntity row) throws ModelFormatException {
        ModelCodec.Decoded decoded = ModelCodec.decodeWithEvt(row.getModel());
        Model model = decoded.model();
        JsonObject metadata;
        try (var reader = JsonFactory.createReader(new StringReader(row.getMetadataJson()))) {
            metadata = reader.readObject();
        }
        return new StoredModel(row.getModelId(), model, ModelOptions.of(strings(metadata.getJsonObject("options"))),
                strings(metadata.getJsonObject("notes")), row.getCreatedAt(), row.getBuildTimeNanos(),
                integers(metadata.getJsonArray("inputIndexes")),
                metadata.getJsonArray("inputTypes").getValuesAs(JsonString::getString),
                integers(metadata.getJsonArray("targetIndexes")), decoded.evtThreshold());
    }

    private static String metadata(StoredModel model) {
        return JsonFactory.createObjectBuilder()
                .add("options", object(model.options().asMap()))
                .add("notes", object(model.notes()))
                .add("inputIndexes", array(model.inputIndexes()))
                .add("inputTypes", JsonFactory.createArrayBuilder(model.inputTypes()))
                .add("targetIndexes", array(model.targetIndexes()))
                .build().toString();
    }

    private static JsonObjectBuilder object(Map<String, String> map) {
        JsonObjectBuilder object = JsonFactory.createObjectBuilder();
        map.forEach(object::add);
        return object;
    }

    private static JsonArrayBuilder array(List<Integer> values) {
        JsonArrayBuilder array = JsonFactory.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static Map<String, String> strings(JsonObject object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.forEach((key, value) -> map.put(key, ((JsonString) value).getString()));
        return map;
    }

    private static List<Integer> integers(JsonArray array) {
        List<Integer> values = new ArrayList<>();
        array.getValuesAs(JsonNumber.class).forEach(number -> values.add(number.intValueExact()));
        return values;
    }
}
