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

/** Every customer's audit trail, for administrators (docs/api.md "Audit trail"). */
@Tag(name = "Audit", description = "Who received which statistics: exports released and fused answers, with their SHA-256")
@Path("/{cid}/admin/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminAuditResource {

    @Inject
    AuditLog log;

    /** @param owner only the entries of this customer's projects; every customer's when absent */
    @GET
    public Response everyone(@PathParam("cid") String caller, @QueryParam("cid") String owner,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("page") String page, @QueryParam("size") String size) {
        return Responses.ok(Map.of("auditPage", log.everyone(caller, owner, from, to, page, size)));
    }
}
