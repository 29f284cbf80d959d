package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.model.NistDataset;
import io.smlfusion.fusion.CellInfo;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * NIST StRD Longley through the whole server: three cell projects learn the rows dealt
 * round-robin, a fusion merges their exports, {@code mlr} is built on the fusion, and every
 * coefficient and standard error of its info is compared with NIST's certified value (the unit
 * test {@code NistAccuracyTest} does the same for all eight sets on merged statistics in memory).
 */
class NistFusionIT {

    /** What NistAccuracyTest asserts for Longley; the numbers travel as full-precision strings. */
    private static final double FLOOR = 12;

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final ModelCalls models = new ModelCalls(client);
    private final String run = "nist" + System.nanoTime();

    @Test
    void longleyLearnedByThreeCellsAndFusedKeepsTwelveDigits() {
        NistDataset longley = NistDataset.read("Longley");
        String[] names = longley.table().names().toArray(String[]::new);
        List<CellInfo> cells = new ArrayList<>();
        for (int cell = 0; cell < 3; cell++) {
            List<String> share = new ArrayList<>();
            for (int r = cell; r < longley.table().rows().size(); r += 3) {
                share.add(Arrays.stream(longley.table().rows().get(r)).mapToObj(Double::toString)
                        .collect(Collectors.joining(",")));
            }
            String pid = run + "-c" + cell;
            assertEquals(201, client.post("projects?pid=" + pid, "{}").status());
            assertEquals(200, client.post("projects/" + pid + "/learn", CsvDataFrames.dataFrame(names, share, "C")).status());
            cells.add(owner.cell(pid));
        }
        String fusion = run + "-f";
        assertEquals(201, owner.create(fusion, false, cells).status());
        JsonObject info = models.built(fusion, "m", "mlr",
                ModelCalls.mlContext(longley.target(), longley.inputs(), Map.of()));
        List<JsonArray> rows = info.getJsonObject("extra").getJsonObject("coefficients").getJsonArray("data")
                .getValuesAs(JsonArray.class);
        assertEquals(longley.estimates().length, rows.size());
        for (int r = 0; r < rows.size(); r++) {
            double coefficient = NistDataset.lre(Double.parseDouble(rows.get(r).getString(1)), longley.estimates()[r]);
            double stdError = NistDataset.lre(Double.parseDouble(rows.get(r).getString(2)), longley.standardErrors()[r]);
            assertTrue(coefficient >= FLOOR && stdError >= FLOOR,
                    "B" + r + ": LRE " + coefficient + " (coefficient), " + stdError + " (std. error)");
        }
    }
}
