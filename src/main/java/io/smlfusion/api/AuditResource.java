package io.smlfusion.api;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smlfusion.audit.AuditLog;

/** A customer's audit trail: every export of its projects and every answer of its fusions (docs/api.md "Audit trail"). */
@Tag(name = "Audit", description = "Who received which statistics: exports released and fused answers, with their SHA-256")
@Path("/{cid}/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog log;

    @GET
    public Response own(@PathParam("cid") String cid, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("page") String page, @QueryParam("size") String size) {
        return Responses.ok(Map.of("auditPage", log.own(cid, from, to, page, size)));
    }
}
