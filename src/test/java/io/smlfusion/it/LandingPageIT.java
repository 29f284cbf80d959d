package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** {@code /symetry/} answers a page that says what this server is, instead of Liberty's 404. */
class LandingPageIT {

    @Test
    void theContextRootAnswersThePageWithTheBuiltVersion() {
        HttpResponse<String> page = SignedClient.send(HttpRequest.newBuilder(URI.create(SignedClient.BASE + "/symetry/")).build());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertTrue(page.body().contains("<h1>sml-fusion <small>" + System.getProperty("it.project.version")), page.body());
        assertTrue(page.body().contains("href=\"/health/ready\""), page.body());
        assertTrue(page.body().contains("href=\"/openapi/ui/\""), page.body());
    }
}
