package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** The OpenAPI document mpOpenAPI serves from the annotations: valid, complete, with the signature scheme. */
class OpenApiIT {

    @Test
    void theDocumentIsValidAndDescribesTheSignedApi() {
        HttpResponse<String> served = get("/openapi?format=JSON");
        assertEquals(200, served.statusCode(), served.body());
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body());
        assertEquals(List.of(), parsed.getMessages(), "the reference parser finds no problem");
        OpenAPI api = parsed.getOpenAPI();
        assertNotNull(api);
        assertTrue(api.getOpenapi().startsWith("3."), api.getOpenapi());

        SecurityScheme signature = api.getComponents().getSecuritySchemes().get("symetrySignature");
        assertEquals(SecurityScheme.Type.APIKEY, signature.getType());
        assertEquals("Authorization", signature.getName());
        assertEquals(List.of(Map.of("symetrySignature", List.of())), api.getSecurity().stream().map(Map::copyOf).toList());

        assertTrue(api.getServers().stream().allMatch(server -> server.getUrl().endsWith("/symetry")), api.getServers().toString());
        for (String path : List.of("/rest/{cid}/projects", "/rest/{cid}/projects/{pid}/learn", "/rest/{cid}/projects/fusion/create",
                "/rest/{cid}/jobs/{jobId}", "/rest/{cid}/projects/{pid}/predict/{modelid}")) {
            assertTrue(api.getPaths().containsKey(path), path + " in " + api.getPaths().keySet());
        }
        assertTrue(api.getTags().stream().anyMatch(tag -> tag.getName().equals("Fusion")), api.getTags().toString());
    }

    @Test
    void theBrowserUiIsServed() {
        HttpResponse<String> ui = get("/openapi/ui/");
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("<html"), ui.body());
    }

    private static HttpResponse<String> get(String path) {
        return SignedClient.send(HttpRequest.newBuilder(URI.create(SignedClient.BASE + path)).build());
    }
}
