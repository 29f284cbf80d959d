package io.smlfusion.stream;

import java.io.ByteArrayOutputStream;
import java.util.List;

import jakarta.json.stream.JsonGenerator;

import io.smlfusion.json.JsonFactory;

/** Rows decoded from records, written as the DataFrame JSON of the API (spec §4.2) that learn reads. */
final class DataFrameJson {

    private DataFrameJson() {
    }

    static byte[] of(List<String> names, List<String> types, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 16 * rows.size() * names.size());
        try (JsonGenerator json = JsonFactory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStartArray("attributeNames");
            names.forEach(json::write);
            json.writeEnd();
            json.writeStartArray("attributeTypes");
            types.forEach(json::write);
            json.writeEnd();
            json.writeStartArray("data");
            for (List<String> row : rows) {
                json.writeStartArray();
                for (String cell : row) {
                    if (cell == null) {
                        json.writeNull();
                    } else {
                        json.write(cell);
                    }
                }
                json.writeEnd();
            }
            json.writeEnd();
            json.writeEnd();
        }
        return out.toByteArray();
    }
}
