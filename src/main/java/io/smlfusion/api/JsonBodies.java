package io.smlfusion.api;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.smlfusion.json.JsonFactory;
import io.smlfusion.refusal.RequestRefused;

/** Reading the small request bodies of the API that are not DataFrames. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * The flat string→string options map of create calls (spec §4.4, "KSVSMap"); an empty body is an
     * empty map. Numbers and booleans are accepted as their text, since clients send them so.
     */
    public static Map<String, String> stringMap(String body) {
        Map<String, String> map = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return map;
        }
        JsonObject object;
        try (var reader = JsonFactory.createReader(new StringReader(body))) {
            object = reader.readObject();
        } catch (JsonException e) {
            throw RequestRefused.invalid("Request body must be a JSON object of string values: " + e.getMessage());
        }
        object.forEach((key, value) -> map.put(key, text(key, value)));
        return map;
    }

    /**
     * A flat string map, or the same map wrapped as a one-element KSVSMap
     * {@code {"values":[{…}]}} — the evtwrapper body, which the vendor client sends as a KSVSMap.
     */
    public static Map<String, String> stringMapOrKsvsMap(String body) {
        if (body != null && !body.isBlank()) {
            JsonObject object;
            try (var reader = JsonFactory.createReader(new StringReader(body))) {
                object = reader.readObject();
            } catch (JsonException e) {
                throw RequestRefused.invalid("Request body must be a JSON object of string values: " + e.getMessage());
            }
            JsonValue values = object.get("values");
            if (object.size() == 1 && values != null && values.getValueType() == JsonValue.ValueType.ARRAY) {
                if (values.asJsonArray().size() != 1
                        || values.asJsonArray().get(0).getValueType() != JsonValue.ValueType.OBJECT) {
                    throw RequestRefused.invalid("A KSVSMap body must hold exactly one map of parameters");
                }
                return stringMap(values.asJsonArray().get(0).toString());
            }
        }
        return stringMap(body);
    }

    /**
     * The array of strings under {@code field} of a small JSON object body, e.g.
     * {@code {"projects":["a","b"]}}; a missing field is an empty list.
     *
     * @param maxChars the longest body read; a longer one is refused before it is parsed
     */
    public static List<String> stringArray(String body, String field, int maxChars) {
        if (body != null && body.length() > maxChars) {
            throw new RequestRefused(RequestRefused.Reason.TOO_LARGE, "Request body has " + body.length()
                    + " characters; this call takes at most " + maxChars);
        }
        if (body == null || body.isBlank()) {
            return List.of();
        }
        JsonValue value;
        try (var reader = JsonFactory.createReader(new StringReader(body))) {
            value = reader.readObject().get(field);
        } catch (JsonException e) {
            throw RequestRefused.invalid("Request body must be a JSON object {\"" + field + "\":[…]}: " + e.getMessage());
        }
        if (value == null) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY
                || !value.asJsonArray().stream().allMatch(item -> item.getValueType() == JsonValue.ValueType.STRING)) {
            throw RequestRefused.invalid("'" + field + "' must be an array of strings");
        }
        return value.asJsonArray().getValuesAs(JsonString::getString);
    }

    private static String text(String key, JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER, TRUE, FALSE -> value.toString();
            default -> throw RequestRefused.invalid("Option '" + key + "' must be a string, not " + value.getValueType());
        };
    }

    /** A bare Base64 body (spec §1), tolerated with surrounding quotes or white space. */
    public static byte[] base64(byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.US_ASCII).strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw RequestRefused.invalid("Request body is empty; expected a Base64 string");
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid("Request body is not valid Base64: " + e.getMessage());
        }
    }
}
