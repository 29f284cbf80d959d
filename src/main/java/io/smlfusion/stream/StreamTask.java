package io.smlfusion.stream;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.smlfusion.engine.stats.AttributeNames;
import io.smlfusion.json.JsonFactory;
import io.smlfusion.project.ProjectService;
import io.smlfusion.refusal.RequestRefused;

/**
 * A Kafka stream as its TaskInfo {@code {"type":"kafka","name":…,"params":{…}}} defines it, every
 * parameter checked and bounded. Unknown parameters are refused by name; the client's security
 * settings ({@code security.protocol}, {@code ssl.*}, {@code sasl.*}) pass through to the Kafka
 * client, except those naming a class to load.
 *
 * @param taskJson the TaskInfo as received (it is what a persisted stream stores, sealed)
 */
public record StreamTask(String streamId, String bootstrapServers, String topic, String groupId, RecordFormat format,
                         List<String> attributeNames, List<String> attributeTypes, ErrorHandling errorHandling,
                         int maxPollRecords, int sessionTimeoutMs, String startFrom, Map<String, String> clientSecurity,
                         String taskJson) {

    static final int MAX_PARAMS = 64;
    static final int MAX_SECURITY_VALUE_CHARS = 16384;
    static final int MAX_TEXT_CHARS = 1024;
    static final int MAX_BOOTSTRAP_SERVERS = 16;
    static final int DEFAULT_MAX_POLL_RECORDS = 500;
    static final int MIN_SESSION_TIMEOUT_MS = 6000;
    static final int MAX_SESSION_TIMEOUT_MS = 300_000;
    static final int DEFAULT_SESSION_TIMEOUT_MS = 10_000;

    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern SERVER = Pattern.compile("[A-Za-z0-9.\\-]{1,253}:[0-9]{1,5}|\\[[0-9A-Fa-f:.]{2,45}\\]:[0-9]{1,5}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]+");
    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> TYPES = Set.of("C", "B", "T", "X");
    private static final Set<String> PARAMS = Set.of("bootstrapServers", "topic", "groupId", "format", "attributeNames",
            "attributeTypes", "errorHandling", "maxPollRecords", "sessionTimeoutMs", "startFrom");

    /** What bounds a TaskInfo beyond its own rules: the server's configuration. */
    public record Bounds(int maxAttributes, int maxPollRecords, Pattern bootstrapAllowed) {
    }

    /** @throws RequestRefused (400) naming the first thing wrong */
    public static StreamTask parse(String taskJson, Bounds bounds) {
        JsonObject task = object(taskJson);
        JsonValue type = task.get("type");
        if (!(type instanceof JsonString t) || !t.getString().equalsIgnoreCase("kafka")) {
            throw invalid("TaskInfo type must be \"kafka\"");
        }
        Set<String> unknown = new TreeSet<>(task.keySet());
        unknown.removeAll(Set.of("type", "name", "params"));
        if (!unknown.isEmpty()) {
            throw invalid("TaskInfo has unknown keys " + unknown + "; it holds type, name and params");
        }
        String streamId = task.get("name") instanceof JsonString n ? n.getString() : null;
        String idProblem = ProjectService.pidProblem(streamId);
        if (idProblem != null) {
            throw invalid("TaskInfo name is the stream id: " + idProblem.replace("project id", "stream id"));
        }
        if (!(task.get("params") instanceof JsonObject params)) {
            throw invalid("TaskInfo params must be a JSON object");
        }
        if (params.size() > MAX_PARAMS) {
            throw invalid("TaskInfo params has " + params.size() + " keys; at most " + MAX_PARAMS);
        }
        Map<String, String> security = new TreeMap<>();
        for (String key : params.keySet()) {
            if (!PARAMS.contains(key)) {
                security.put(key, securitySetting(key, params.get(key)));
            }
        }
        String servers = bootstrapServers(required(params, "bootstrapServers"), bounds.bootstrapAllowed());
        String topic = required(params, "topic");
        if (!TOPIC.matcher(topic).matches()) {
            throw invalid("topic [" + shown(topic) + "] is not a Kafka topic name: 1 to 249 letters, digits, '.', '_' or '-'");
        }
        String group = required(params, "groupId");
        if (!PRINTABLE.matcher(group).matches() || group.length() > 255) {
            throw invalid("groupId must be 1 to 255 printable ASCII characters");
        }
        String formatName = optional(params, "format", RecordFormat.JSON_OBJECT.wireName());
        RecordFormat format = RecordFormat.of(formatName);
        if (format == null) {
            throw invalid("format [" + shown(formatName) + "] is not one of " + RecordFormat.wireNames());
        }
        List<String> names = format == RecordFormat.ARROW ? List.of() : attributes(params, "attributeNames", bounds.maxAttributes());
        List<String> types = format == RecordFormat.ARROW ? List.of() : attributes(params, "attributeTypes", bounds.maxAttributes());
        if (format == RecordFormat.ARROW && (params.containsKey("attributeNames") || params.containsKey("attributeTypes"))) {
            throw invalid("format arrow takes its attributes from each record's Arrow schema: drop attributeNames and attributeTypes");
        }
        checkAttributes(names, types);
        String handlingName = optional(params, "errorHandling", "stop");
        ErrorHandling handling = ErrorHandling.of(handlingName);
        if (handling == null) {
            throw invalid("errorHandling [" + shown(handlingName) + "] is not stop (0) or skip (1)");
        }
        int pollRecords = integer(params, "maxPollRecords", DEFAULT_MAX_POLL_RECORDS, 1, bounds.maxPollRecords(),
                "smlfusion.stream.max.poll.records");
        int session = integer(params, "sessionTimeoutMs", DEFAULT_SESSION_TIMEOUT_MS, MIN_SESSION_TIMEOUT_MS,
                MAX_SESSION_TIMEOUT_MS, null);
        String startFrom = optional(params, "startFrom", "earliest").toLowerCase(Locale.ROOT);
        if (!startFrom.equals("earliest") && !startFrom.equals("latest")) {
            throw invalid("startFrom [" + shown(startFrom) + "] is not earliest or latest");
        }
        return new StreamTask(streamId, servers, topic, group, format, names, types, handling, pollRecords, session,
                startFrom, Map.copyOf(security), taskJson);
    }

    /** What {@code streams/list} shows: never a security setting. */
    Map<String, Object> description() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("sid", streamId);
        description.put("type", "kafka");
        description.put("topic", topic);
        description.put("groupId", groupId);
        description.put("format", format.wireName());
        description.put("errorHandling", errorHandling.wireName());
        description.put("attributeNames", attributeNames);
        return description;
    }

    private static JsonObject object(String json) {
        try (JsonReader reader = JsonFactory.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw invalid("TaskInfo is not a JSON object: " + e.getMessage());
        }
    }

    private static String securitySetting(String key, JsonValue value) {
        boolean clientSecurity = key.equals("security.protocol") || key.startsWith("ssl.") || key.startsWith("sasl.");
        if (!clientSecurity || key.length() > 128) {
            throw invalid("TaskInfo params has the unknown key [" + shown(key) + "]; it takes " + new TreeSet<>(PARAMS)
                    + " and the Kafka client's security.protocol, ssl.* and sasl.* settings");
        }
        if (key.endsWith(".class")) {
            throw invalid("TaskInfo params key [" + key + "] names a class for the server to load; it is not accepted");
        }
        if (!(value instanceof JsonString text) || text.getString().length() > MAX_SECURITY_VALUE_CHARS) {
            throw invalid("TaskInfo params key [" + key + "] must be a string of at most " + MAX_SECURITY_VALUE_CHARS + " characters");
        }
        if (key.equals("security.protocol") && !PROTOCOLS.contains(text.getString())) {
            throw invalid("security.protocol must be one of " + new TreeSet<>(PROTOCOLS));
        }
        return text.getString();
    }

    private static String bootstrapServers(String servers, Pattern allowed) {
        String[] entries = servers.split(",", -1);
        if (entries.length > MAX_BOOTSTRAP_SERVERS) {
            throw invalid("bootstrapServers names " + entries.length + " servers; at most " + MAX_BOOTSTRAP_SERVERS);
        }
        List<String> trimmed = new ArrayList<>();
        for (String entry : entries) {
            String server = entry.trim();
            if (!SERVER.matcher(server).matches()) {
                throw invalid("bootstrapServers entry [" + shown(server) + "] is not host:port");
            }
            if (allowed.pattern().isEmpty()) {
                throw invalid("This server takes no Kafka streams until its operator names the brokers it may reach (smlfusion.stream.bootstrap.allow)");
            }
            if (!allowed.matcher(server).matches()) {
                throw invalid("bootstrapServers entry [" + server + "] is not allowed by this server (smlfusion.stream.bootstrap.allow)");
            }
            trimmed.add(server);
        }
        return String.join(",", trimmed);
    }

    private static void checkAttributes(List<String> names, List<String> types) {
        if (names.size() != types.size()) {
            throw invalid("attributeNames has " + names.size() + " names but attributeTypes has " + types.size() + " types");
        }
        for (int i = 0; i < names.size(); i++) {
            String problem = AttributeNames.problem(names.get(i));
            if (problem != null) {
                throw invalid("attributeNames[" + i + "] '" + AttributeNames.shown(names.get(i)) + "' " + problem);
            }
            if (!TYPES.contains(types.get(i).trim().toUpperCase(Locale.ROOT))) {
                throw invalid("attributeTypes[" + i + "] [" + shown(types.get(i)) + "] is not one of " + new TreeSet<>(TYPES));
            }
        }
        if (Set.copyOf(names).size() != names.size()) {
            throw invalid("attributeNames holds a name twice");
        }
    }

    /** A JSON array of strings, or one string of comma-separated values. */
    private static List<String> attributes(JsonObject params, String key, int max) {
        JsonValue value = params.get(key);
        List<String> items;
        if (value instanceof JsonArray array) {
            if (array.size() > max) {
                throw invalid(key + " has " + array.size() + " entries; at most " + max + " (smlfusion.project.max.attributes)");
            }
            items = new ArrayList<>();
            for (JsonValue item : array) {
                if (!(item instanceof JsonString text)) {
                    throw invalid(key + " must hold strings only");
                }
                items.add(text.getString());
            }
        } else if (value instanceof JsonString text) {
            if (text.getString().length() > max * (AttributeNames.MAX_LENGTH + 1)) {
                throw invalid(key + " is too long");
            }
            items = Arrays.stream(text.getString().split(",", -1)).map(String::trim).toList();
        } else {
            throw invalid(key + " is required for this format: a JSON array of strings or a comma-separated string");
        }
        if (items.isEmpty() || items.size() > max) {
            throw invalid(key + " must hold 1 to " + max + " entries (smlfusion.project.max.attributes)");
        }
        return List.copyOf(items);
    }

    private static String required(JsonObject params, String key) {
        String value = optional(params, key, null);
        if (value == null || value.isBlank()) {
            throw invalid("TaskInfo params lacks " + key);
        }
        return value;
    }

    private static String optional(JsonObject params, String key, String fallback) {
        JsonValue value = params.get(key);
        if (value == null) {
            return fallback;
        }
        String text = value instanceof JsonString s ? s.getString() : value instanceof JsonNumber n ? n.toString() : null;
        if (text == null || text.length() > MAX_TEXT_CHARS) {
            throw invalid(key + " must be a string (or number) of at most " + MAX_TEXT_CHARS + " characters");
        }
        return text;
    }

    private static int integer(JsonObject params, String key, int fallback, int min, int max, String limitKey) {
        String text = optional(params, key, null);
        if (text == null) {
            return Math.min(fallback, max);
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(key + " must be an integer from " + min + " to " + max + (limitKey == null ? "" : " (" + limitKey + ")"));
    }

    private static String shown(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 64 ? printable.substring(0, 64) + "…" : printable;
    }

    private static RequestRefused invalid(String message) {
        return RequestRefused.invalid("Stream refused: " + message);
    }
}
