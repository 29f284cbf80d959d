package io.smlfusion.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void keepsTheConfiguredNumberOfDays() {
        assertEquals(Instant.parse("2025-12-01T12:00:00Z"), AuditRetention.cutoff(NOW, 365));
        assertEquals(Instant.parse("2026-11-30T12:00:00Z"), AuditRetention.cutoff(NOW, 1));
    }

    @Test
    void aRetentionOutsideItsRangeDeletesNothing() {
        assertThrows(IllegalArgumentException.class, () -> AuditRetention.cutoff(NOW, 0));
        assertThrows(IllegalArgumentException.class, () -> AuditRetention.cutoff(NOW, AuditRetention.MAX_DAYS + 1));
    }
}
