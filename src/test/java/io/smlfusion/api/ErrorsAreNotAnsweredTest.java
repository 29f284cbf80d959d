package io.smlfusion.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import io.smlfusion.health.FatalErrors;
import io.smlfusion.refusal.RequestRefused;

/** Issue 10 §3: an Error is never turned into a 500 envelope; it propagates, and liveness learns of it. */
class ErrorsAreNotAnsweredTest {

    @Test
    void anOutOfMemoryErrorPropagatesAndIsRecorded() {
        UnexpectedExceptionMapper mapper = new UnexpectedExceptionMapper();
        mapper.fatalErrors = new FatalErrors(Clock.systemUTC());
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");

        Error thrown = assertThrows(Error.class, () -> mapper.toResponse(new RuntimeException("wrapped", oom)));

        assertSame(oom, thrown);
        assertEquals("java.lang.OutOfMemoryError: Java heap space", mapper.fatalErrors.first().orElseThrow().error());
    }

    @Test
    void strictFlagsRefuseWhatJaxRsWouldReadAsFalse() {
        assertTrue(QueryFlags.flag("async", "TRUE", false));
        assertEquals(false, QueryFlags.flag("async", null, false));
        assertEquals(true, QueryFlags.flag("async", "", true));
        RequestRefused e = assertThrows(RequestRefused.class, () -> QueryFlags.flag("async", "maybe", false));
        assertEquals(RequestRefused.Reason.INVALID, e.reason());
        assertEquals("Query parameter async must be true or false, not [maybe]", e.getMessage());
    }
}
