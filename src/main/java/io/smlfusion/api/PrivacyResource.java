package io.smlfusion.api;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smlfusion.privacy.PrivacyService;

/**
 * Differential privacy of a cell project's exports (docs/api.md): the owner's settings and the budget
 * spent. Like every project path, only the customer the project belongs to reaches it.
 */
@Tag(name = "Projects", description = "Project lifecycle, learn and forget, export and import (spec 5)")
@Path("/{cid}/projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    @Inject
    PrivacyService privacy;

    @GET
    @Path("/{pid}/privacy")
    @Operation(summary = "Differential-privacy settings of a cell project's exports and the budget spent")
    public Response describe(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        return Responses.ok(Map.of("privacy", privacy.describe(cid, pid)));
    }

    @POST
    @Path("/{pid}/privacy")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Sets the differential-privacy settings of a cell project's exports; the budget spent is kept")
    public Response configure(@PathParam("cid") String cid, @PathParam("pid") String pid, String body) {
        return Responses.ok(Map.of("privacy", privacy.configure(cid, pid, body)));
    }
}
