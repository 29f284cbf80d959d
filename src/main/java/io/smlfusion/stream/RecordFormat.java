package io.smlfusion.stream;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import io.smlfusion.json.JsonFactory;

/**
 * How one Kafka record holds rows: one row as a JSON object keyed by attribute name, one row as a
 * JSON array in the declared attribute order, one row as a CSV line in that order, or an Arrow IPC
 * stream of any number of rows (read by the ingest's Arrow reader, not here).
 */
public enum RecordFormat {

    JSON_OBJECT("json") {
        @Override
        List<String> cells(byte[] record, List<String> names) {
            JsonObject object = structure(record) instanceof JsonObject o ? o : null;
            if (object == null) {
                throw new BadRecord("not a JSON object");
            }
            List<String> cells = new ArrayList<>(names.size());
            for (String name : names) {
                cells.add(cell(object.get(name), name));
            }
            return cells;
        }
    },
    JSON_ARRAY("jsonArray") {
        @Override
        List<String> cells(byte[] record, List<String> names) {
            JsonArray array = structure(record) instanceof JsonArray a ? a : null;
            if (array == null) {
                throw new BadRecord("not a JSON array");
            }
            requireWidth(array.size(), names);
            List<String> cells = new ArrayList<>(names.size());
            for (int i = 0; i < names.size(); i++) {
                cells.add(cell(array.get(i), names.get(i)));
            }
            return cells;
        }
    },
    CSV("csv") {
        @Override
        List<String> cells(byte[] record, List<String> names) {
            List<String> cells = CsvLine.fields(text(record));
            requireWidth(cells.size(), names);
            return cells;
        }
    },
    ARROW("arrow") {
        @Override
        List<String> cells(byte[] record, List<String> names) {
            throw new UnsupportedOperationException("an Arrow record holds a DataFrame of its own, not one row");
        }
    };

    private final String wireName;

    RecordFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @return the format named {@code wireName} (case-insensitive), or null */
    static RecordFormat of(String wireName) {
        for (RecordFormat format : values()) {
            if (format.wireName.toLowerCase(Locale.ROOT).equals(wireName.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        return null;
    }

    static List<String> wireNames() {
        return Arrays.stream(values()).map(RecordFormat::wireName).toList();
    }

    /**
     * The record's one row, a cell per attribute in {@code names} order, as DataFrame text (null for
     * a missing or null value).
     *
     * @throws BadRecord when the record is not one row of this format
     */
    abstract List<String> cells(byte[] record, List<String> names);

    private static void requireWidth(int width, List<String> names) {
        if (width != names.size()) {
            throw new BadRecord("has " + width + " values but the stream declares " + names.size() + " attributes");
        }
    }

    private static JsonStructure structure(byte[] record) {
        try (JsonReader reader = JsonFactory.createReader(new StringReader(text(record)))) {
            return reader.read();
        } catch (JsonException e) {
            throw new BadRecord("not JSON: " + e.getMessage());
        }
    }

    private static String cell(JsonValue value, String name) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).toString();
            case TRUE -> "1";
            case FALSE -> "0";
            default -> throw new BadRecord("the value of '" + name + "' is a JSON " + value.getValueType().name().toLowerCase(Locale.ROOT)
                    + ", not a string, number, boolean or null");
        };
    }

    private static String text(byte[] record) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(record)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRecord("not UTF-8 text");
        }
    }
}
