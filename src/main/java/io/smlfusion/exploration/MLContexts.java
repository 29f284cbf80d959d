package io.smlfusion.exploration;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.smlfusion.engine.explore.MLContext;
import io.smlfusion.json.JsonFactory;
import io.smlfusion.refusal.RequestRefused;

/**
 * Reads MLContext request bodies (spec §4.3) — the one parser of exploration and modelling: an
 * ExploreContext {@code {"values":[MLContext, ...]}} ({@link #readAll}) or a single MLContext
 * object, the body of a model build ({@link #readOne}). Attribute lists may hold strings or whole
 * JSON numbers ({@code ["0","3"]}, {@code [0,3]}); extra parameters are text, numbers and booleans
 * being taken as their JSON text. Every malformed body is a 400 saying what was expected.
 */
public final class MLContexts {

    private static final String MLCONTEXT = "{\"inputAttributes\":[...],\"targets\":[...],\"extraParameters\":{...}}";
    private static final String EXPLORE_SHAPE = "send an ExploreContext {\"values\":[" + MLCONTEXT + ", ...]}";
    private static final String ONE_SHAPE = "send one MLContext " + MLCONTEXT;

    private MLContexts() {
    }

    /** The MLContexts of an ExploreContext body, in order. */
    public static List<MLContext> readAll(String body) {
        JsonObject root = object(body, EXPLORE_SHAPE);
        JsonValue values = root.get("values");
        if (values == null || values.getValueType() != JsonValue.ValueType.ARRAY) {
            throw RequestRefused.invalid("The ExploreContext has no array 'values'; " + EXPLORE_SHAPE);
        }
        List<MLContext> contexts = new ArrayList<>();
        JsonArray array = values.asJsonArray();
        for (int k = 0; k < array.size(); k++) {
            if (array.get(k).getValueType() != JsonValue.ValueType.OBJECT) {
                throw RequestRefused.invalid("values[" + k + "] is not an MLContext object; " + EXPLORE_SHAPE);
            }
            contexts.add(context("values[" + k + "].", array.getJsonObject(k)));
        }
        return contexts;
    }

    /** The MLContext of a body that is one MLContext object (not wrapped in {@code values}). */
    public static MLContext readOne(String body) {
        JsonObject root = object(body, ONE_SHAPE);
        if (root.containsKey("values") && !root.containsKey("inputAttributes") && !root.containsKey("inputAttributeNames")) {
            throw RequestRefused.invalid("The body is an ExploreContext ({\"values\":[...]}); " + ONE_SHAPE);
        }
        return context("", root);
    }

    private static JsonObject object(String body, String shape) {
        if (body == null || body.isBlank()) {
            throw RequestRefused.invalid("The request body is empty; " + shape);
        }
        try (var reader = JsonFactory.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw RequestRefused.invalid("The request body is not a JSON object (" + e.getMessage() + "); " + shape);
        }
    }

    private static MLContext context(String where, JsonObject object) {
        return new MLContext(list(where, object, "targets"), list(where, object, "inputAttributes"),
                list(where, object, "inputAttributeNames"), list(where, object, "targetAttributeNames"),
                parameters(where, object));
    }

    private static List<String> list(String where, JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw RequestRefused.invalid(where + key + " must be an array of attribute indexes or names");
        }
        List<String> entries = new ArrayList<>();
        for (JsonValue entry : value.asJsonArray()) {
            entries.add(switch (entry.getValueType()) {
                case STRING -> ((JsonString) entry).getString();
                case NUMBER -> index(where + key, (JsonNumber) entry);
                default -> throw RequestRefused.invalid(where + key + " holds " + entry
                        + "; expected attribute indexes or names");
            });
        }
        return entries;
    }

    private static String index(String where, JsonNumber number) {
        if (!number.isIntegral()) {
            throw RequestRefused.invalid(where + " holds " + number + ", which is not an attribute index");
        }
        return number.bigDecimalValue().toBigInteger().toString();
    }

    private static Map<String, String> parameters(String where, JsonObject object) {
        JsonValue value = object.get("extraParameters");
        Map<String, String> parameters = new LinkedHashMap<>();
        if (value == null || value == JsonValue.NULL) {
            return parameters;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw RequestRefused.invalid(where + "extraParameters must be an object of string values");
        }
        value.asJsonObject().forEach((key, parameter) -> parameters.put(key, switch (parameter.getValueType()) {
            case STRING -> ((JsonString) parameter).getString();
            case NUMBER, TRUE, FALSE -> parameter.toString();
            default -> throw RequestRefused.invalid(where + "extraParameters." + key + " must be a string, not "
                    + parameter.getValueType());
        }));
        return parameters;
    }
}
