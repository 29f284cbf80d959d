package io.smlfusion.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smlfusion.security.ExportKey;
import io.smlfusion.security.ExportKeyService;

/**
 * A customer's export-only keys: the credentials it hands to a fusion, which may read the named
 * projects' snapshots and nothing else. {@link AdminResource} offers the same calls to administrators
 * for any customer.
 */
@Tag(name = "Export keys", description = "Export-only keys a fusion uses for a cell: export and info of the named projects, nothing else")
@Path("/{cid}/exportKeys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExportKeyResource {

    /** {@code {"projects":[…]}} of at most 64 project ids of 128 characters, with room to spare. */
    static final int MAX_BODY_CHARS = 16384;

    @Inject
    ExportKeyService exportKeys;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response create(@PathParam("cid") String cid, String body) {
        return created(exportKeys.create(cid, cid, projects(body)));
    }

    @GET
    public Response list(@PathParam("cid") String cid) {
        return listed(exportKeys.list(cid, cid));
    }

    @DELETE
    @Path("/{keyId}")
    public Response revoke(@PathParam("cid") String cid, @PathParam("keyId") String keyId) {
        exportKeys.revoke(cid, cid, keyId);
        return revoked(keyId);
    }

    static List<String> projects(String body) {
        return JsonBodies.stringArray(body, "projects", MAX_BODY_CHARS);
    }

    /** 201 with the key's credentials, shaped as a customer's ({@code smlCredentials}), and its description. */
    static Response created(ExportKeyService.IssuedKey issued) {
        ExportKey key = issued.key();
        return Responses.created("Export key created with id:" + key.id(),
                Map.of("smlCredentials", AdminResource.credentialsOf(key.id(), issued.secret()), "exportKey", described(key)));
    }

    static Response listed(List<ExportKey> keys) {
        return Responses.ok(Map.of("exportKeys", keys.stream().map(ExportKeyResource::described).toList()));
    }

    static Response revoked(String keyId) {
        return Responses.ok("Export key [" + keyId + "] revoked", Map.of());
    }

    private static Map<String, Object> described(ExportKey key) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("keyId", key.id());
        described.put("owner", key.owner());
        described.put("projects", key.projects());
        described.put("createdAt", key.createdAt().toString());
        described.put("createdBy", key.createdBy());
        return described;
    }
}
