package io.smlfusion.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A project's thresholds: its own options, never below the server's. */
class ExportPolicyTest {

    private static final ExportPolicy SERVER = new ExportPolicy(10, 10);

    @Test
    void aProjectMayOnlyBeStricterThanTheServer() {
        assertEquals(SERVER, ExportPolicy.of(Map.of(), SERVER));
        assertEquals(new ExportPolicy(25, 10), ExportPolicy.of(Map.of(ExportPolicy.MIN_ROWS_OPTION, "25"), SERVER));
        assertEquals(new ExportPolicy(10, 100), ExportPolicy.of(Map.of(ExportPolicy.MIN_ROWS_OPTION, "3",
                ExportPolicy.MIN_DELTA_ROWS_OPTION, " 100 "), SERVER), "a lower value has no effect");
    }

    @Test
    void optionsRoundTrip() {
        ExportPolicy policy = new ExportPolicy(12, 40);
        assertEquals(policy, ExportPolicy.of(policy.asOptions(), new ExportPolicy(0, 0)));
    }

    @Test
    void valuesThatAreNotCountsAreNamed() {
        assertEquals("'export_min_rows' must be a whole number of rows from 0 to 1000000000, not [ten]",
                ExportPolicy.problemIn(Map.of(ExportPolicy.MIN_ROWS_OPTION, "ten")));
        assertEquals("'export_min_delta_rows' must be a whole number of rows from 0 to 1000000000, not [-1]",
                ExportPolicy.problemIn(Map.of(ExportPolicy.MIN_DELTA_ROWS_OPTION, "-1")));
        assertEquals("'export_min_rows' must be a whole number of rows from 0 to 1000000000, not [99999999999]",
                ExportPolicy.problemIn(Map.of(ExportPolicy.MIN_ROWS_OPTION, "99999999999")));
        assertNull(ExportPolicy.problemIn(Map.of("other", "x")));
        assertThrows(IllegalArgumentException.class, () -> new ExportPolicy(-1, 0));
    }
}
