package io.smlfusion.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 10 §3: after an OutOfMemoryError the server is not alive any more, whatever its heap looks like now. */
class LivenessAfterErrorTest {

    private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

    private final FatalErrors fatalErrors = new FatalErrors(Clock.fixed(AT, ZoneOffset.UTC));

    @BeforeAll
    static void plainBuilders() {
        HealthCheckResponse.setResponseProvider(PlainBuilder::new);
    }

    @AfterAll
    static void noBuilders() {
        HealthCheckResponse.setResponseProvider(null);
    }

    @Test
    void livenessIsDownForGoodAfterAnOutOfMemoryError() {
        HeapLiveness liveness = liveness();
        assertEquals(Status.UP, liveness.call().getStatus());

        fatalErrors.record(new OutOfMemoryError("Java heap space"));
        fatalErrors.record(new InternalError("later"));

        HealthCheckResponse response = liveness.call();
        assertEquals(Status.DOWN, response.getStatus());
        Map<String, Object> data = response.getData().orElseThrow();
        assertEquals("java.lang.OutOfMemoryError: Java heap space", data.get("fatalError"), "the first one");
        assertEquals(AT.toString(), data.get("fatalErrorAt"));
    }

    @Test
    void aStackOverflowLeavesTheServerAlive() {
        fatalErrors.record(new StackOverflowError());
        assertEquals(Status.UP, liveness().call().getStatus());
        assertTrue(fatalErrors.first().isEmpty());
    }

    private HeapLiveness liveness() {
        HeapLiveness liveness = new HeapLiveness();
        liveness.maxFraction = 1.0;
        liveness.fatalErrors = fatalErrors;
        return liveness;
    }

    /** What the runtime's provider does, for a test without a runtime. */
    private static final class PlainBuilder extends HealthCheckResponseBuilder {
        private String name;
        private Status status = Status.UP;
        private final Map<String, Object> data = new LinkedHashMap<>();

        @Override
        public HealthCheckResponseBuilder name(String name) {
            this.name = name;
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, String value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, long value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, boolean value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder up() {
            return status(true);
        }

        @Override
        public HealthCheckResponseBuilder down() {
            return status(false);
        }

        @Override
        public HealthCheckResponseBuilder status(boolean up) {
            status = up ? Status.UP : Status.DOWN;
            return this;
        }

        @Override
        public HealthCheckResponse build() {
            return new HealthCheckResponse(name, status, Optional.of(data));
        }
    }
}
