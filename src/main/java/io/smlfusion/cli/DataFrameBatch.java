package io.smlfusion.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one request, written as the DataFrame JSON that learn, forget and predict take
 * ({@code attributeNames}, {@code attributeTypes}, {@code data}: every value a string).
 *
 * @param firstLine the CSV line of the first row, for messages
 * @param rows      the rows, each as long as the header
 */
record DataFrameBatch(long firstLine, List<List<String>> rows) {

    byte[] json(List<String> names, List<String> types) {
        StringBuilder json = new StringBuilder(64 + rows.size() * names.size() * 8);
        json.append("{\"attributeNames\":");
        array(json, names);
        json.append(",\"attributeTypes\":");
        array(json, types);
        json.append(",\"data\":[");
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                json.append(',');
            }
            array(json, rows.get(r));
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void array(StringBuilder json, List<String> values) {
        json.append('[');
        for (int k = 0; k < values.size(); k++) {
            if (k > 0) {
                json.append(',');
            }
            string(json, values.get(k));
        }
        json.append(']');
    }

    /** A JSON string literal (RFC 8259 §7): quote, backslash and control characters escaped. */
    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /**
     * The attribute types for {@code header}: {@code typed} when the user gave them, else inferred
     * from this batch — {@code C} for a column whose every non-empty value is a number, {@code T}
     * (a category) otherwise.
     */
    List<String> types(List<String> header, List<String> typed) throws CliUsageException {
        if (typed != null) {
            if (typed.size() != header.size()) {
                throw new CliUsageException("--types names " + typed.size() + " type(s) but the CSV header has "
                        + header.size() + " column(s)");
            }
            return typed;
        }
        List<String> inferred = new ArrayList<>(header.size());
        for (int column = 0; column < header.size(); column++) {
            inferred.add(numeric(column) ? "C" : "T");
        }
        return inferred;
    }

    private boolean numeric(int column) {
        for (List<String> row : rows) {
            String value = row.get(column).strip();
            if (!value.isEmpty()) {
                try {
                    Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
