package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SymDateTest {

    @Test
    void formatsUtcWithUnpaddedNanosLikeTheVendorClient() {
        Clock clock = Clock.fixed(Instant.parse("2025-11-16T20:11:50.294669Z"), ZoneOffset.ofHours(5));
        assertEquals("2025-11-16 20:11:50;294669000", SymDate.now(clock));
        assertEquals("2014-07-31 08:01:07;1245", SymDate.format(Instant.parse("2014-07-31T08:01:07.000001245Z")));
        assertEquals("2025-01-15 10:30:00;0", SymDate.format(Instant.parse("2025-01-15T10:30:00Z")));
    }

    @Test
    void parsesWhatItFormats() {
        Instant instant = Instant.parse("2025-01-15T10:30:00.123456789Z");
        assertEquals(instant, SymDate.parse(SymDate.format(instant)));
    }

    @Test
    void readsTheFractionAsNanoseconds() {
        assertEquals(Instant.parse("2014-07-31T08:01:07.000001245Z"), SymDate.parse("2014-07-31 08:01:07;1245"));
        assertEquals(Instant.parse("2025-01-15T10:30:00.123456789Z"), SymDate.parse("2025-01-15 10:30:00;123456789"));
    }

    @Test
    void acceptsTheLegacyFormWithoutFraction() {
        assertEquals(Instant.parse("2014-10-24T17:24:04Z"), SymDate.parse("2014-10-24 17:24:04"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2014-10-24", "2014-10-24T17:24:04", "2014-10-24 17:24:04;", "2014-10-24 17:24:04;12a",
            "2014-10-24 17:24:04;1234567890", "2014-02-30 17:24:04", "2014-10-24 24:00:00", " 2014-10-24 17:24:04",
            "2014-10-24 17:24:04;1;2", "Fri, 24 Oct 2014 17:24:04 GMT"})
    void refusesAnythingElse(String value) {
        assertThrows(DateTimeParseException.class, () -> SymDate.parse(value));
    }
}
