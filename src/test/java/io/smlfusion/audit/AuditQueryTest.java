package io.smlfusion.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.smlfusion.refusal.RequestRefused;

/** The audit read's parameters: defaults, both time forms, bounds, and a 400 naming what was wrong. */
class AuditQueryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void defaultsToEverythingUpToNowFirstPage() {
        AuditQuery query = AuditQuery.parse(null, null, null, null, 500, NOW);
        assertEquals(new AuditQuery(Instant.EPOCH, NOW.plusSeconds(1), 0, AuditQuery.DEFAULT_SIZE), query);
        assertEquals(20, AuditQuery.parse(null, null, null, null, 20, NOW).size(), "never above the configured maximum");
    }

    @Test
    void takesIsoInstantsAndEpochMilliseconds() {
        AuditQuery query = AuditQuery.parse("2026-11-30T00:00:00Z", "1796083200000", "2", "50", 500, NOW);
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), query.from());
        assertEquals(Instant.ofEpochMilli(1796083200000L), query.to());
        assertEquals(100, query.offset());
    }

    @Test
    void refusesWhatIsOutOfBounds() {
        assertInvalid("size must be an integer from 1 to 500, not [501]", null, null, null, "501");
        assertInvalid("size must be an integer from 1 to 500, not [0]", null, null, null, "0");
        assertInvalid("page must be an integer from 0 to 1000, not [1001]", null, null, "1001", null);
        assertInvalid("page must be an integer from 0 to 1000, not [-1]", null, null, "-1", null);
        assertInvalid("page must be an integer from 0 to 1000, not [99999999999]", null, null, "99999999999", null);
        assertInvalid("from must be an ISO-8601 instant", "yesterday", null, null, null);
        assertInvalid("to must be an ISO-8601 instant", null, "+99999-01-01T00:00:00Z", null, null);
        assertInvalid("from (2026-12-01T00:00:00Z) must be before to (2026-12-01T00:00:00Z)",
                "2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z", null, null);
    }

    private static void assertInvalid(String expected, String from, String to, String page, String size) {
        RequestRefused refused = assertThrows(RequestRefused.class, () -> AuditQuery.parse(from, to, page, size, 500, NOW));
        assertEquals(RequestRefused.Reason.INVALID, refused.reason());
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
