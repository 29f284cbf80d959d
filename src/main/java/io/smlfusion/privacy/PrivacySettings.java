package io.smlfusion.privacy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.smlfusion.engine.privacy.AttributeBounds;
import io.smlfusion.engine.privacy.PrivacyBudget;
import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.json.JsonFactory;
import io.smlfusion.refusal.RequestRefused;

/**
 * The differential-privacy settings of one cell project: whether its exports are noisy, the budget
 * and the declared bounds of every attribute. The JSON the owner posts is also how they are stored:
 * <pre>
 * {"enabled": true, "epsilon": 1.0, "delta": 1e-6, "exportShare": 0.1,
 *  "bounds": [{"name": "age", "type": "C", "lower": 0, "upper": 120}, …]}
 * </pre>
 * Absent {@code epsilon}, {@code delta} and {@code exportShare} take the server's defaults at the
 * time of the post (and keep them); absent {@code enabled} is true, since posting settings opts in;
 * absent {@code type} is C.
 */
public record PrivacySettings(boolean enabled, PrivacyBudget budget, List<AttributeBounds> bounds) {

    public PrivacySettings {
        bounds = List.copyOf(bounds);
    }

    /** What a project that has no settings of its own gets: the server's defaults, no bounds. */
    static PrivacySettings defaults(PrivacyDefaults defaults) {
        return new PrivacySettings(defaults.enabled(),
                new PrivacyBudget(defaults.epsilon(), defaults.delta(), defaults.exportShare()), List.of());
    }

    /**
     * Reads posted settings.
     *
     * @throws RequestRefused (invalid) naming the field that is missing, malformed or out of range
     */
    static PrivacySettings parse(String body, PrivacyDefaults defaults, int maxAttributes) {
        JsonObject json;
        try (var reader = JsonFactory.createReader(new StringReader(body == null ? "" : body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw RequestRefused.invalid("Privacy settings must be a JSON object: " + e.getMessage());
        }
        try {
            boolean enabled = !json.containsKey("enabled") || json.getBoolean("enabled");
            PrivacyBudget budget = new PrivacyBudget(number(json, "epsilon", defaults.epsilon()),
                    number(json, "delta", defaults.delta()), number(json, "exportShare", defaults.exportShare()));
            JsonArray bounds = json.containsKey("bounds") ? json.getJsonArray("bounds") : JsonValue.EMPTY_JSON_ARRAY;
            if (bounds.size() > maxAttributes) {
                throw new IllegalArgumentException(bounds.size() + " bounds for at most " + maxAttributes
                        + " attributes (smlfusion.project.max.attributes)");
            }
            List<AttributeBounds> declared = new ArrayList<>(bounds.size());
            for (JsonValue bound : bounds) {
                declared.add(bound(bound.asJsonObject()));
            }
            if (enabled && declared.isEmpty()) {
                throw new IllegalArgumentException("'bounds' must declare every attribute's lower and upper bound");
            }
            if (declared.stream().map(AttributeBounds::name).distinct().count() != declared.size()) {
                throw new IllegalArgumentException("'bounds' names an attribute twice");
            }
            return new PrivacySettings(enabled, budget, declared);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw RequestRefused.invalid("Invalid privacy settings: " + (e instanceof IllegalArgumentException ? e.getMessage()
                    : "a field is missing or has the wrong JSON type (enabled: boolean; epsilon, delta, exportShare, lower, upper: numbers;"
                    + " bounds: array of objects; name, type: strings)"));
        }
    }

    private static AttributeBounds bound(JsonObject bound) {
        String name = bound.getString("name");
        AttributeType type = AttributeType.fromCode(bound.getString("type", AttributeType.CONTINUOUS.code()));
        return new AttributeBounds(name, type, bound.getJsonNumber("lower").doubleValue(),
                bound.getJsonNumber("upper").doubleValue());
    }

    private static double number(JsonObject json, String key, double otherwise) {
        JsonNumber value = json.containsKey(key) ? json.getJsonNumber(key) : null;
        return value == null ? otherwise : value.doubleValue();
    }

    /** Settings this server stored itself ({@link #toJson}). */
    static PrivacySettings stored(String json) {
        JsonObject object;
        try (var reader = JsonFactory.createReader(new StringReader(json))) {
            object = reader.readObject();
        }
        List<AttributeBounds> bounds = new ArrayList<>();
        for (JsonValue bound : object.getJsonArray("bounds")) {
            bounds.add(bound(bound.asJsonObject()));
        }
        return new PrivacySettings(object.getBoolean("enabled"), new PrivacyBudget(object.getJsonNumber("epsilon").doubleValue(),
                object.getJsonNumber("delta").doubleValue(), object.getJsonNumber("exportShare").doubleValue()), bounds);
    }

    String toJson() {
        JsonArrayBuilder array = JsonFactory.createArrayBuilder();
        for (AttributeBounds bound : bounds) {
            array.add(JsonFactory.createObjectBuilder().add("name", bound.name()).add("type", bound.type().code())
                    .add("lower", bound.lower()).add("upper", bound.upper()));
        }
        return JsonFactory.createObjectBuilder().add("enabled", enabled).add("epsilon", budget.epsilon())
                .add("delta", budget.delta()).add("exportShare", budget.exportShare()).add("bounds", array).build().toString();
    }

    /** The settings as the answer of {@code GET …/privacy} shows them. */
    Map<String, Object> describe() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("enabled", enabled);
        values.put("epsilon", budget.epsilon());
        values.put("delta", budget.delta());
        values.put("exportShare", budget.exportShare());
        values.put("bounds", bounds.stream().map(PrivacySettings::describe).toList());
        return values;
    }

    private static Map<String, Object> describe(AttributeBounds bound) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", bound.name());
        values.put("type", bound.type().code());
        values.put("lower", bound.lower());
        values.put("upper", bound.upper());
        return values;
    }
}
