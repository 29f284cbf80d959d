package io.smlfusion.api;

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

import io.smlfusion.fusion.RequestedEncryption;
import io.smlfusion.security.Caller;
import io.smlfusion.stream.StreamService;

/**
 * Streams REST API (spec §13 "Streams"): Kafka topics feeding a cell project. The TaskInfo of
 * {@code create} is encrypted with the caller's key (it may hold SASL passwords), like the cell list
 * of a fusion.
 */
@Tag(name = "Streams", description = "Kafka streams feeding a cell project: create, list, start, stop, metrics, errorLog, delete")
@Path("/{cid}/projects/{pid}/streams")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StreamResource {

    @Inject
    StreamService streams;

    @Inject
    Caller caller;

    @Inject
    RequestedEncryption encryption;

    @POST
    @Path("/create")
    @Consumes(MediaType.WILDCARD)
    public Response create(@PathParam("cid") String cid, @PathParam("pid") String pid, byte[] body) {
        String task = EncryptedBodies.decrypt(body, encryption.scheme(), caller.secret(), "The TaskInfo",
                "a stream's TaskInfo travels encrypted with your key (it may hold passwords). Encrypt it first, e.g."
                        + " bin/sml --encrypt POST 'projects/p1/streams/create' @task.json");
        return Responses.created(streams.create(cid, pid, task), Map.of());
    }

    @GET
    @Path("/list")
    public Response list(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        return Responses.ok(Map.of("streams", streams.list(cid, pid)));
    }

    @GET
    @Path("/{sid}/start")
    public Response start(@PathParam("cid") String cid, @PathParam("pid") String pid, @PathParam("sid") String sid) {
        streams.start(cid, pid, sid);
        return Responses.ok();
    }

    @GET
    @Path("/{sid}/stop")
    public Response stop(@PathParam("cid") String cid, @PathParam("pid") String pid, @PathParam("sid") String sid) {
        streams.stop(cid, pid, sid);
        return Responses.ok();
    }

    @GET
    @Path("/{sid}/metrics")
    public Response metrics(@PathParam("cid") String cid, @PathParam("pid") String pid, @PathParam("sid") String sid) {
        return Responses.ok(Map.of("metrics", streams.metrics(cid, pid, sid)));
    }

    @GET
    @Path("/{sid}/errorLog")
    public Response errorLog(@PathParam("cid") String cid, @PathParam("pid") String pid, @PathParam("sid") String sid) {
        return Responses.ok(Map.of("errorLog", streams.errorLog(cid, pid, sid)));
    }

    @DELETE
    @Path("/{sid}")
    public Response delete(@PathParam("cid") String cid, @PathParam("pid") String pid, @PathParam("sid") String sid) {
        streams.delete(cid, pid, sid);
        return Responses.ok();
    }
}
