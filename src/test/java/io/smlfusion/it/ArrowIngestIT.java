package io.smlfusion.it;

import static io.smlfusion.it.ModelCalls.HOUSING;
import static io.smlfusion.it.ModelCalls.mlContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.Test;

import io.smlfusion.it.SignedClient.Reply;

/**
 * Learn, forget and predict with Apache Arrow IPC bodies over HTTP: the same rows as the JSON
 * DataFrames give the same statistics and the same predictions.
 */
class ArrowIngestIT {

    private static final Map<String, String> ARROW = Map.of("Content-Type", "application/vnd.apache.arrow.stream");

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final String run = "arrow" + System.nanoTime();

    @Test
    void arrowRowsLearnForgetAndPredictAsTheirJsonTwins() throws IOException {
        String json = run + "-json";
        String arrow = run + "-arrow";
        assertEquals(201, client.post("projects?pid=" + json, "{}").status());
        assertEquals(201, client.post("projects?pid=" + arrow, "{}").status());
        for (String csv : HOUSING) {
            assertEquals(200, client.post("projects/" + json + "/learn", CsvDataFrames.dataFrame(csv)).status());
            Reply learned = client.send("POST", "projects/" + arrow + "/learn", stream(csv), ARROW);
            assertEquals(200, learned.status(), learned::toString);
            assertEquals(CsvDataFrames.lines(csv).size() - 1, learned.values().getInt("rowsApplied"));
        }
        assertEquals(200, client.post("projects/" + json + "/forget", CsvDataFrames.dataFrame(HOUSING[2])).status());
        Reply forgotten = client.send("POST", "projects/" + arrow + "/forget", stream(HOUSING[2]), ARROW);
        assertEquals(200, forgotten.status(), forgotten::toString);
        assertEquals(snapshot(json), snapshot(arrow), "the same learns and forget, as Arrow and as JSON: the same statistics");

        ModelCalls models = new ModelCalls(client);
        models.built(json, "m", "mlr", mlContext("MEDV", ModelCalls.inputsOf(HOUSING[0], "MEDV"), Map.of()));
        String test = "housing-fed3/housing_test.csv";
        Reply overArrow = client.send("POST", "projects/" + json + "/predict/m", stream(test), ARROW);
        assertEquals(200, overArrow.status(), overArrow::toString);
        assertEquals(ModelCalls.rows(models.predictReply(json, "m", "", CsvDataFrames.dataFrame(test))), ModelCalls.rows(overArrow));
    }

    @Test
    void aBodyThatIsNotAnArrowStreamIsRefusedNamingIt() {
        String pid = run + "-bad";
        assertEquals(201, client.post("projects?pid=" + pid, "{}").status());
        Reply refused = client.send("POST", "projects/" + pid + "/learn", CsvDataFrames.dataFrame(HOUSING[0]).getBytes(), ARROW);
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.statusString().contains("not a readable Arrow IPC stream"), refused::toString);
    }

    private String snapshot(String pid) {
        Reply export = client.get("projects/" + pid + "/export");
        assertEquals(200, export.status(), export::toString);
        return export.values().getString("string");
    }

    /** A reference CSV as one Arrow record batch of float64 columns; also what WebSocketIT sends as binary messages. */
    static byte[] stream(String csv) throws IOException {
        List<String> lines = CsvDataFrames.lines(csv);
        String[] names = lines.get(0).strip().split(",");
        List<String> rows = lines.subList(1, lines.size());
        try (BufferAllocator allocator = new RootAllocator()) {
            List<FieldVector> columns = new ArrayList<>();
            for (String name : names) {
                columns.add(new Float8Vector(name.trim(), allocator));
            }
            for (int r = 0; r < rows.size(); r++) {
                String[] cells = rows.get(r).split(",");
                for (int c = 0; c < names.length; c++) {
                    ((Float8Vector) columns.get(c)).setSafe(r, Double.parseDouble(cells[c].trim()));
                }
            }
            columns.forEach(column -> column.setValueCount(rows.size()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (VectorSchemaRoot root = new VectorSchemaRoot(columns);
                 ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            return out.toByteArray();
        }
    }
}
