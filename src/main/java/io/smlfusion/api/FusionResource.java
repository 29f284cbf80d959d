package io.smlfusion.api;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smlfusion.fusion.FusionService;
import io.smlfusion.fusion.RequestedEncryption;
import io.smlfusion.security.Caller;

/**
 * Fusion Projects REST API (spec §6.2–6.4). Bodies are a FusionCellInfoList encrypted with the
 * caller's key, sent as bare Base64 text (JSON quotes tolerated, any content type); the scheme is the
 * one {@code sym-encryption} announces, and encrypted answers use the same one.
 */
@Tag(name = "Fusion", description = "Fusion projects: create over cell projects, replace the cell list, probe the cells (spec 6)")
@Path("/{cid}/projects/fusion")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FusionResource {

    @Inject
    FusionService fusions;

    @Inject
    Caller caller;

    @Inject
    RequestedEncryption encryption;

    @POST
    @Path("/create")
    @Consumes(MediaType.WILDCARD)
    public Response create(@PathParam("cid") String cid, @QueryParam("pid") String pid,
                           @QueryParam("persist") boolean persist, byte[] body) {
        return Responses.created(fusions.create(cid, pid, persist, decrypt(body)), Map.of());
    }

    @POST
    @Path("/{pid}/cellsStatus")
    @Consumes(MediaType.WILDCARD)
    public Response cellsStatus(@PathParam("cid") String cid, @PathParam("pid") String pid, byte[] body) {
        String statuses = encryption.scheme().codec().encrypt(caller.secret(), fusions.cellsStatus(cid, pid, decrypt(body)));
        return Responses.ok(Map.of("cellsStatus", statuses, "cellsStatusEncrypted", statuses));
    }

    @POST
    @Path("/{pid}/updateCellsInfo")
    @Consumes(MediaType.WILDCARD)
    public Response updateCellsInfo(@PathParam("cid") String cid, @PathParam("pid") String pid, byte[] body) {
        fusions.updateCells(cid, pid, decrypt(body));
        return Responses.ok();
    }

    private String decrypt(byte[] body) {
        return EncryptedBodies.decrypt(body, encryption.scheme(), caller.secret(), "The cell list",
                "a FusionCellInfoList travels encrypted with your key. Encrypt it first, e.g. bin/sml --encrypt POST"
                        + " 'projects/fusion/create?pid=f1' @cells.json, or bin/sml encrypt @cells.json for the body alone");
    }
}
