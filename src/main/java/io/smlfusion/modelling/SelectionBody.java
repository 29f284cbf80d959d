package io.smlfusion.modelling;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.smlfusion.engine.explore.MLContext;
import io.smlfusion.exploration.MLContexts;
import io.smlfusion.json.JsonFactory;
import io.smlfusion.refusal.RequestRefused;

/**
 * The body of {@code selectModel} and {@code autoSelect} (spec §8.3): one MLContext, or
 * {@code {"dataframe":DataFrame,"mlcontext":MLContext}} with an out-of-sample validation frame.
 *
 * @param validationFrame the DataFrame's JSON, or null when the body is a bare MLContext
 */
record SelectionBody(MLContext context, byte[] validationFrame) {

    private static final String SHAPE = "send an MLContext, or {\"dataframe\":DataFrame,\"mlcontext\":MLContext} "
            + "with a validation frame";

    static SelectionBody read(String body) {
        if (body == null || body.isBlank()) {
            throw RequestRefused.invalid("The request body is empty; " + SHAPE);
        }
        JsonObject root;
        try (var reader = JsonFactory.createReader(new StringReader(body))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw RequestRefused.invalid("The request body is not a JSON object (" + e.getMessage() + "); " + SHAPE);
        }
        if (!root.containsKey("mlcontext") && !root.containsKey("dataframe")) {
            return new SelectionBody(MLContexts.readOne(body), null);
        }
        JsonObject context = member(root, "mlcontext");
        JsonObject frame = member(root, "dataframe");
        return new SelectionBody(MLContexts.readOne(context.toString()), frame.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject member(JsonObject root, String key) {
        JsonValue value = root.get(key);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw RequestRefused.invalid("The body has no object '" + key + "'; " + SHAPE);
        }
        return value.asJsonObject();
    }
}
