package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** MicroProfile Health probes at the server root. */
class HealthIT {

    @Test
    void liveReadyAndStarted() {
        assertUp("/health/live", "\"heap\"");
        assertUp("/health/ready", "\"database\"");
        assertUp("/health/started", "\"bootstrap-customer\"");
    }

    private static void assertUp(String path, String check) {
        HttpResponse<String> response = SignedClient.send(HttpRequest.newBuilder(URI.create(SignedClient.BASE + path)).build());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains(check), response.body());
        assertTrue(response.body().contains("\"UP\""), response.body());
    }
}
