package io.smlfusion.exploration;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.smlfusion.api.ApiException;
import io.smlfusion.explore.MLContext;

/**
 * Reads the ExploreContext body {@code {"values":[MLContext, ...]}} (spec §4.3). Attribute lists
 * may hold strings or whole JSON numbers ({@code ["0","3"]}, {@code [0,3]}); extra parameters are
 * text, numbers and booleans being taken as their JSON text.
 */
final class ExploreContexts {

    private static final String SHAPE = "send an ExploreContext {\"values\":[{\"inputAttributes\":[...],\"targets\":[...],"
            + "\"extraParameters\":{...}}, ...]}";

    private ExploreContexts() {
    }

    static List<MLContext> read(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("The request body is empty; " + SHAPE);
        }
        JsonObject root;
        try (var reader = Json.createReader(new StringReader(body))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.badRequest("The request body is not a JSON object (" + e.getMessage() + "); " + SHAPE);
        }
        JsonValue values = root.get("values");
        if (values == null || values.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.badRequest("The ExploreContext has no array 'values'; " + SHAPE);
        }
        List<MLContext> contexts = new ArrayList<>();
        JsonArray array = values.asJsonArray();
        for (int k = 0; k < array.size(); k++) {
            if (array.get(k).getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.badRequest("values[" + k + "] is not an MLContext object; " + SHAPE);
            }
            contexts.add(context("values[" + k + "].", array.getJsonObject(k)));
        }
        return contexts;
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
            throw ApiException.badRequest(where + key + " must be an array of attribute indexes or names");
        }
        List<String> entries = new ArrayList<>();
        for (JsonValue entry : value.asJsonArray()) {
            entries.add(switch (entry.getValueType()) {
                case STRING -> ((JsonString) entry).getString();
                case NUMBER -> index(where + key, (JsonNumber) entry);
                default -> throw ApiException.badRequest(where + key + " holds " + entry
                        + "; expected attribute indexes or names");
            });
        }
        return entries;
    }

    private static String index(String where, JsonNumber number) {
        if (!number.isIntegral()) {
            throw ApiException.badRequest(where + " holds " + number + ", which is not an attribute index");
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
            throw ApiException.badRequest(where + "extraParameters must be an object of string values");
        }
        value.asJsonObject().forEach((key, parameter) -> parameters.put(key, switch (parameter.getValueType()) {
            case STRING -> ((JsonString) parameter).getString();
            case NUMBER, TRUE, FALSE -> parameter.toString();
            default -> throw ApiException.badRequest(where + "extraParameters." + key + " must be a string, not "
                    + parameter.getValueType());
        }));
        return parameters;
    }
}
