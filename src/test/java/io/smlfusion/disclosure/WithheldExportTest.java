package io.smlfusion.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import org.junit.jupiter.api.Test;

import io.smlfusion.refusal.RequestRefused;

/** The wire form of a withheld export: what the cell says, and what the fusion makes of it. */
class WithheldExportTest {

    @Test
    void theCellTellsItsOwnerWhichGroupIsTooSmall() {
        RequestRefused refused = WithheldExport.refusal("p1", new SmallGroup(SmallGroup.Kind.LEVEL, "'city$Oslo' = 1", 3), 10);
        assertEquals(RequestRefused.Reason.CONFLICT, refused.reason());
        assertEquals("Export of project [p1] withheld: 'city$Oslo' = 1 holds 3 rows, fewer than the 10 rows of export_min_rows"
                + " (its statistics would describe those few people)", refused.getMessage());
        assertEquals(Map.of("exportWithheld", "LEVEL", "minRows", 10), refused.values());
    }

    @Test
    void theFusionsReasonIsBuiltFromTheKindAndTheThresholdAlone() {
        RequestRefused refused = WithheldExport.refusal("p1", new SmallGroup(SmallGroup.Kind.PARTITION, "partition 'Ann Smith'", 2), 25);
        String body = envelope(refused.getMessage(), refused.values());
        String reason = WithheldExport.reasonIn(409, body);
        assertEquals("the cell withholds its export: a partition holds fewer than 25 rows", reason);
        assertEquals("the cell withholds its export: the project holds fewer than 10 rows", WithheldExport.reasonIn(409,
                envelope("x", Map.of("exportWithheld", "PROJECT", "minRows", 10))));
    }

    @Test
    void anythingElseIsNotAWithheldExport() {
        Map<String, Object> values = Map.of("exportWithheld", "PROJECT", "minRows", 10);
        assertNull(WithheldExport.reasonIn(400, envelope("x", values)), "only a 409");
        assertNull(WithheldExport.reasonIn(409, envelope("Customer [c] already have SYMETRYML with id[p], ", Map.of())));
        assertNull(WithheldExport.reasonIn(409, envelope("x", Map.of("exportWithheld", "<script>", "minRows", 10))));
        assertNull(WithheldExport.reasonIn(409, envelope("x", Map.of("exportWithheld", "LEVEL", "minRows", "10"))));
        assertNull(WithheldExport.reasonIn(409, envelope("x", Map.of("exportWithheld", "LEVEL", "minRows", 1e12))));
        assertNull(WithheldExport.reasonIn(409, envelope("x", Map.of("exportWithheld", "LEVEL", "minRows", 2.5))));
        assertNull(WithheldExport.reasonIn(409, "{\"values\":{\"exportWithheld\":\"LEVEL\",\"minRows\":10"), "cut short");
        assertNull(WithheldExport.reasonIn(409, "[\"exportWithheld\"]"));
        assertNull(WithheldExport.reasonIn(409, null));
    }

    private static String envelope(String statusString, Map<String, Object> values) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        values.forEach((key, value) -> {
            if (value instanceof Integer i) {
                json.add(key, i);
            } else if (value instanceof Double d) {
                json.add(key, d);
            } else {
                json.add(key, value.toString());
            }
        });
        return Json.createObjectBuilder().add("statusCode", "CONFLICT").add("statusString", statusString)
                .add("values", json).build().toString();
    }
}
