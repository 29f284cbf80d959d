package io.smlfusion.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one CSV record held by a Kafka record (RFC 4180: comma separated, optionally in
 * double quotes, {@code ""} for a quote inside quotes); a trailing line break is ignored. An empty
 * unquoted field is a missing value (null).
 */
final class CsvLine {

    private CsvLine() {
    }

    static List<String> fields(String line) {
        String text = line.endsWith("\r\n") ? line.substring(0, line.length() - 2)
                : line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(value(field, wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '\n' || c == '\r') {
                throw new BadRecord("holds more than one CSV line");
            } else if (wasQuoted || c == '"') {
                throw new BadRecord("has a quote inside field " + (fields.size() + 1) + " that is not quoted as a whole");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new BadRecord("has an unterminated quoted field " + (fields.size() + 1));
        }
        fields.add(value(field, wasQuoted));
        return fields;
    }

    private static String value(StringBuilder field, boolean quoted) {
        return field.isEmpty() && !quoted ? null : field.toString();
    }
}
