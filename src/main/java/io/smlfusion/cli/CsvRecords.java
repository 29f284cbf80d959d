package io.smlfusion.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time (RFC 4180: comma separated, fields optionally in double quotes,
 * {@code ""} for a quote inside them, line breaks inside quoted fields, LF or CRLF line ends), so a
 * file of any size is read in constant memory. Blank lines are skipped.
 */
final class CsvRecords {

    /** A field longer than this is refused: a missing closing quote would otherwise swallow the whole file. */
    static final int MAX_FIELD_CHARS = 1 << 20;

    private final Reader in;
    private int lookahead = -2;
    private long line = 1;
    private long recordLine;
    private boolean started;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The line (1-based) the record that {@link #next()} returned last starts on, for messages that point into the file. */
    long recordLine() {
        return recordLine;
    }

    /**
     * @return the next record's fields, or null at the end of the input
     * @throws CliUsageException for an unterminated quoted field or a field over {@link #MAX_FIELD_CHARS}
     */
    List<String> next() throws IOException, CliUsageException {
        int c = read();
        while (c == '\n' || c == '\r') {
            c = read();
        }
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long startLine = line;
        recordLine = startLine;
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = quoted(field, startLine);
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                    append(field, c, startLine);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c != ',') {
                return fields;
            }
            c = read();
        }
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int quoted(StringBuilder field, long startLine) throws IOException, CliUsageException {
        while (true) {
            int c = read();
            if (c == -1) {
                throw new CliUsageException("CSV line " + startLine + ": a quoted field is not closed");
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    return after;
                }
            }
            append(field, c, startLine);
        }
    }

    private void append(StringBuilder field, int c, long startLine) throws CliUsageException {
        if (field.length() == MAX_FIELD_CHARS) {
            throw new CliUsageException("CSV line " + startLine + ": a field is longer than " + MAX_FIELD_CHARS + " characters");
        }
        field.append((char) c);
    }

    /** One character; CRLF and CR arrive as one LF; a byte-order mark at the start (spreadsheet exports) is skipped. */
    private int read() throws IOException {
        int c = lookahead != -2 ? lookahead : in.read();
        lookahead = -2;
        if (c == '\uFEFF' && !started) {
            c = in.read();
        }
        started = true;
        if (c == '\r') {
            int next = in.read();
            if (next != '\n') {
                lookahead = next;
            }
            c = '\n';
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
