package io.smlfusion.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.smlfusion.json.JsonFactory;

/**
 * {@code bin/sml learn|forget PID --csv FILE} and {@code bin/sml predict PID MODELID --csv FILE}:
 * sends a CSV file (header row first) as DataFrames of at most {@code batchRows} rows, one signed
 * request each, so a file of any size goes through in constant memory. Every request applies
 * completely or not at all on the server; when one is refused the command stops and names the CSV
 * lines of that request — the requests before it stay applied.
 */
final class CsvUpload {

    private final ServerCalls sender;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean progress;

    /** @param progress print a progress line after every request (on a terminal) */
    CsvUpload(ServerCalls sender, PrintStream out, PrintStream err, boolean progress) {
        this.sender = sender;
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    /**
     * Learns ({@code verb} = {@code learn}) or forgets the rows; prints what was applied and skipped.
     *
     * @return the exit status
     */
    int learnOrForget(String verb, String pid, Reader csv, List<String> types, int batchRows)
            throws IOException, InterruptedException, CliUsageException {
        long started = System.nanoTime();
        long applied = 0;
        long skipped = 0;
        int requests = 0;
        Batches batches = new Batches(csv, types, batchRows);
        for (DataFrameBatch batch = batches.next(); batch != null; batch = batches.next()) {
            HttpResponse<String> answer = sender.send("POST", "projects/" + segment(pid) + "/" + verb, batches.json(batch));
            if (answer.statusCode() / 100 != 2) {
                return refused(verb, batch, answer, requests > 0 ? "; the rows before them were applied" : "; nothing was applied");
            }
            JsonObject values = values(answer.body());
            applied += values.getJsonNumber("rowsApplied") == null ? batch.rows().size() : values.getJsonNumber("rowsApplied").longValue();
            skipped += values.getJsonNumber("rowsSkipped") == null ? 0 : values.getJsonNumber("rowsSkipped").longValue();
            requests++;
            if (progress) {
                err.printf("\rsml: %s: %,d rows applied, %,d skipped, %,.0f rows/s ", verb, applied, skipped, rate(applied + skipped, started));
            }
        }
        if (progress && requests > 0) {
            err.println();
        }
        if (requests == 0) {
            throw new CliUsageException("The CSV file has a header but no rows");
        }
        out.printf("%s %s: %d rows applied, %d skipped, in %d request(s), %.1f s%n", verb, pid, applied, skipped, requests,
                (System.nanoTime() - started) / 1e9);
        return SmlCli.OK;
    }

    /**
     * Predicts every row with the model and prints the predictions as CSV: a header of the answer's
     * keys, then one line per input row, in input order.
     *
     * @return the exit status
     */
    int predict(String pid, String modelId, Reader csv, List<String> types, int batchRows)
            throws IOException, InterruptedException, CliUsageException {
        long started = System.nanoTime();
        long predicted = 0;
        List<String> header = null;
        Batches batches = new Batches(csv, types, batchRows);
        for (DataFrameBatch batch = batches.next(); batch != null; batch = batches.next()) {
            HttpResponse<String> answer = sender.send("POST",
                    "projects/" + segment(pid) + "/predict/" + segment(modelId), batches.json(batch));
            if (answer.statusCode() / 100 != 2) {
                return refused("predict", batch, answer, predicted > 0 ? "; the lines above predict the rows before them" : "");
            }
            List<JsonObject> rows = values(answer.body()).getJsonObject("KSVSMap").getJsonArray("values")
                    .getValuesAs(JsonObject.class);
            if (header == null) {
                header = header(rows);
                out.println(csvLine(header));
            }
            for (JsonObject row : rows) {
                List<String> line = new ArrayList<>(header.size());
                for (String key : header) {
                    line.add(row.containsKey(key) && row.get(key).getValueType() == JsonValue.ValueType.STRING ? row.getString(key)
                            : row.containsKey(key) ? row.get(key).toString() : "");
                }
                out.println(csvLine(line));
            }
            predicted += rows.size();
            if (progress) {
                err.printf("\rsml: predict: %,d rows, %,.0f rows/s ", predicted, rate(predicted, started));
            }
        }
        if (progress && predicted > 0) {
            err.println();
        }
        if (header == null) {
            throw new CliUsageException("The CSV file has a header but no rows");
        }
        return SmlCli.OK;
    }

    private int refused(String verb, DataFrameBatch batch, HttpResponse<String> answer, String before) {
        out.println(answer.body());
        err.printf("sml: %s refused the request with the rows from CSV line %d (%d rows; HTTP %d)%s%n", verb,
                batch.firstLine(), batch.rows().size(), answer.statusCode(), before);
        return SmlCli.FAILED;
    }

    private static List<String> header(List<JsonObject> rows) {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(row -> keys.addAll(row.keySet()));
        return List.copyOf(keys);
    }

    /** A CSV line (RFC 4180): fields with a comma, quote or line break are quoted. */
    static String csvLine(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) {
                line.append(',');
            }
            String field = fields.get(k);
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.toString();
    }

    private static JsonObject values(String body) throws IOException {
        try (var reader = JsonFactory.createReader(new StringReader(body))) {
            JsonObject values = reader.readObject().getJsonObject("values");
            return values == null ? JsonValue.EMPTY_JSON_OBJECT : values;
        } catch (JsonException | ClassCastException e) {
            throw new IOException("the server's answer is not the JSON envelope: " + e.getMessage(), e);
        }
    }

    /** {@code value} as one path segment of a call (percent-encoded; a space as %20, never '+'). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static double rate(long rows, long startedNanos) {
        return rows / Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
    }

    /** The CSV cut into batches; the header and the types come from the first lines. */
    private static final class Batches {

        private final CsvRecords records;
        private final List<String> typed;
        private final int batchRows;
        private List<String> header;
        private List<String> types;

        Batches(Reader csv, List<String> typed, int batchRows) {
            this.records = new CsvRecords(csv);
            this.typed = typed;
            this.batchRows = batchRows;
        }

        DataFrameBatch next() throws IOException, CliUsageException {
            if (header == null) {
                header = records.next();
                if (header == null) {
                    throw new CliUsageException("The CSV file is empty: it needs a header row of attribute names");
                }
            }
            long firstLine = 0;
            List<List<String>> rows = new ArrayList<>(Math.min(batchRows, 4096));
            List<String> row;
            while (rows.size() < batchRows && (row = records.next()) != null) {
                if (row.size() != header.size()) {
                    throw new CliUsageException("CSV line " + records.recordLine() + " has " + row.size()
                            + " field(s), the header has " + header.size());
                }
                if (rows.isEmpty()) {
                    firstLine = records.recordLine();
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                return null;
            }
            DataFrameBatch batch = new DataFrameBatch(firstLine, rows);
            if (types == null) {
                types = batch.types(header, typed);
            }
            return batch;
        }

        byte[] json(DataFrameBatch batch) {
            return batch.json(header, types);
        }
    }
}
