package io.smlfusion.fusion;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.smlfusion.json.JsonFactory;
import io.smlfusion.project.ProjectService;
import io.smlfusion.refusal.RequestRefused;
import io.smlfusion.security.CustomerService;
import io.smlfusion.security.SecretKeys;

/**
 * The JSON forms of spec §4.6: {@code FusionCellInfoList} {@code {"values":[{"host","cid","sk","pid"}...]}}
 * in both directions, and the {@code FusionCellStatusList} answer of {@code cellsStatus}.
 */
public final class CellList {

    private static final String[] FIELDS = {"host", "cid", "sk", "pid"};

    private CellList() {
    }

    /**
     * Reads a decrypted FusionCellInfoList: a non-empty list of at most {@code maxCells} entries whose
     * every entry has the four fields as non-blank strings, a well-formed secret key, and a
     * {@code cid} and {@code pid} valid as this server's own ids (they become segments of the cell's
     * URL). Hosts are normalised (no trailing {@code /}).
     *
     * @param maxCells {@code smlfusion.fusion.max.cells} for a list a caller sends
     * @throws RequestRefused 400 naming the first problem, never quoting a secret
     */
    public static List<CellInfo> parse(String json, int maxCells) {
        JsonObject object;
        try (var reader = JsonFactory.createReader(new StringReader(json))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalid("the decrypted body is not a JSON object");
        }
        JsonValue values = object.get("values");
        if (values == null || values.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid("it needs the array \"values\"");
        }
        JsonArray entries = values.asJsonArray();
        if (entries.isEmpty()) {
            throw invalid("the list of cells is empty");
        }
        if (entries.size() > maxCells) {
            throw invalid(entries.size() + " cells, more than " + FusionConfig.MAX_CELLS_KEY + " = " + maxCells);
        }
        List<CellInfo> cells = new ArrayList<>(entries.size());
        for (int k = 0; k < entries.size(); k++) {
            cells.add(cell(entries.get(k), k + 1));
        }
        return List.copyOf(cells);
    }

    /** Reads a list this server stored itself (a persisted fusion): no limit on its length, whatever the limit is today. */
    static List<CellInfo> parseStored(String json) {
        return parse(json, Integer.MAX_VALUE);
    }

    private static CellInfo cell(JsonValue entry, int number) {
        if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("cell " + number + " is not a JSON object");
        }
        JsonObject object = entry.asJsonObject();
        String[] values = new String[FIELDS.length];
        for (int f = 0; f < FIELDS.length; f++) {
            JsonValue value = object.get(FIELDS[f]);
            if (value == null || value.getValueType() != JsonValue.ValueType.STRING || ((JsonString) value).getString().isBlank()) {
                throw invalid("cell " + number + " needs the string field \"" + FIELDS[f] + "\"");
            }
            values[f] = ((JsonString) value).getString().strip();
        }
        try {
            SecretKeys.requireValid(values[2]);
        } catch (IllegalArgumentException e) {
            throw invalid("cell " + number + ": \"sk\" is not a secret key (" + e.getMessage() + ")");
        }
        String idProblem = CustomerService.cidProblem(values[1]);
        if (idProblem == null) {
            idProblem = ProjectService.pidProblem(values[3]);
        }
        if (idProblem == null && (isDotSegment(values[1]) || isDotSegment(values[3]))) {
            idProblem = "Invalid " + (isDotSegment(values[1]) ? "customer id [" + values[1] : "project id [" + values[3])
                    + "]: a path segment of dots only";
        }
        if (idProblem != null) {
            throw invalid("cell " + number + ": " + idProblem);
        }
        return new CellInfo(CellHostPolicy.normalise(values[0]), values[1], values[2], values[3]);
    }

    /** {@code .} and {@code ..} would step through the cell's URL, not name something in it. */
    private static boolean isDotSegment(String id) {
        return id.equals(".") || id.equals("..");
    }

    /** The FusionCellInfoList with the secrets: only ever handed to a cipher. */
    public static String toJson(List<CellInfo> cells) {
        JsonArrayBuilder values = JsonFactory.createArrayBuilder();
        for (CellInfo cell : cells) {
            values.add(JsonFactory.createObjectBuilder()
                    .add("host", cell.host()).add("cid", cell.cid()).add("sk", cell.sk()).add("pid", cell.pid()));
        }
        return JsonFactory.createObjectBuilder().add("values", values).build().toString();
    }

    /**
     * The FusionCellStatusList; a failed cell also carries {@code reason}, our addition to the
     * four documented fields.
     */
    public static String statusJson(List<CellAnswer> answers) {
        JsonArrayBuilder values = JsonFactory.createArrayBuilder();
        for (CellAnswer answer : answers) {
            var entry = JsonFactory.createObjectBuilder()
                    .add("host", answer.cell().host()).add("cid", answer.cell().cid())
                    .add("status", answer.status().name()).add("pid", answer.cell().pid());
            if (!answer.ok()) {
                entry.add("reason", answer.reason());
            }
            values.add(entry);
        }
        return JsonFactory.createObjectBuilder().add("values", values).build().toString();
    }

    static RequestRefused invalid(String problem) {
        return RequestRefused.invalid("Invalid FusionCellInfoList: " + problem);
    }
}
