package io.smlfusion.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import io.smlfusion.refusal.RequestRefused;

/**
 * The models of one project, by model id, in the order they were made (a replaced model moves to
 * the end). Every project kind holds one, so a fusion's models live in the fusion and predict
 * without any cell call. Thread-safe; its monitor also orders a project's model writes against its
 * rename and delete (see {@code ModelService} and {@code ProjectService}).
 */
public final class ProjectModels {

    private final Map<String, StoredModel> models = new LinkedHashMap<>();

    public synchronized Optional<StoredModel> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /**
     * @throws RequestRefused an unknown model id: 404 with the product's text
     *     {@code Generic Exception <Error no such model <id>>} (the product answers it with a 500; a
     *     missing model is the caller's mistake, and clients match the text, which stays)
     */
    public StoredModel require(String id) {
        return find(id).orElseThrow(() -> noSuchModel(id));
    }

    /** Adds the model, replacing one of the same id. */
    public synchronized void put(StoredModel model) {
        models.remove(model.id());
        models.put(model.id(), model);
    }

    /** Replaces the model {@code expected} by {@code model} unless another replaced it meanwhile. */
    public synchronized boolean replace(StoredModel expected, StoredModel model) {
        if (models.get(expected.id()) != expected) {
            return false;
        }
        put(model);
        return true;
    }

    public synchronized boolean remove(String id) {
        return models.remove(id) != null;
    }

    /** The models, oldest first (ProjectInfo {@code modelsList} and {@code modelTypeList}). */
    public synchronized List<StoredModel> all() {
        return new ArrayList<>(models.values());
    }

    public static RequestRefused noSuchModel(String id) {
        return new RequestRefused(RequestRefused.Reason.NOT_FOUND, "Generic Exception <Error no such model <" + id + ">>");
    }
}
