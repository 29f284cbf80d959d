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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smlfusion.jobs.Job;
import io.smlfusion.jobs.JobRegistry;
import io.smlfusion.modelling.ModelService;

/**
 * Modeling API (spec §8.2–8.3): translates HTTP to {@link ModelService} calls, the evtwrapper too. A build is always a
 * job (202 + {@code Location} + {@code sym-job-id}); its result is read with {@code GET /jobs/{id}}.
 */
@Tag(name = "Models", description = "Build, describe, export, import and delete models (spec 8)")
@Path("/{cid}/projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    @Inject
    ModelService models;

    @Inject
    JobRegistry jobs;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("/{pid}/build")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response build(@PathParam("cid") String cid, @PathParam("pid") String pid,
                          @QueryParam("modelid") String modelId, @QueryParam("algo") String algo,
                          @QueryParam("svdreduce") String svdreduce, String body) {
        Job job = jobs.submit(cid, "build", models.build(cid, pid, modelId, algo, svdreduce, body));
        return AsyncResponses.accepted(job, cid, uriInfo);
    }

    @GET
    @Path("/{pid}/models/{modelid}")
    public Response info(@PathParam("cid") String cid, @PathParam("pid") String pid,
                         @PathParam("modelid") String modelId) {
        return Responses.ok(Map.of("modelInfo", models.info(cid, pid, modelId)));
    }

    @DELETE
    @Path("/{pid}/models/{modelid}")
    public Response delete(@PathParam("cid") String cid, @PathParam("pid") String pid,
                           @PathParam("modelid") String modelId) {
        models.delete(cid, pid, modelId);
        return Responses.ok();
    }

    @GET
    @Path("/{pid}/models/{modelid}/code")
    public Response code(@PathParam("cid") String cid, @PathParam("pid") String pid,
                         @PathParam("modelid") String modelId, @QueryParam("language") String language) {
        return Responses.ok(Map.of("string", models.code(cid, pid, modelId, language)));
    }

    @POST
    @Path("/{pid}/{modelid}/evtwrapper")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response addEvtWrapper(@PathParam("cid") String cid, @PathParam("pid") String pid,
                                  @PathParam("modelid") String modelId, String body) {
        return Responses.ok(models.addEvtWrapper(cid, pid, modelId, JsonBodies.stringMapOrKsvsMap(body)), Map.of());
    }

    @DELETE
    @Path("/{pid}/{modelid}/evtwrapper")
    public Response deleteEvtWrapper(@PathParam("cid") String cid, @PathParam("pid") String pid,
                                     @PathParam("modelid") String modelId) {
        return Responses.ok(models.deleteEvtWrapper(cid, pid, modelId), Map.of());
    }

    @GET
    @Path("/{pid}/model/export")
    public Response export(@PathParam("cid") String cid, @PathParam("pid") String pid,
                           @QueryParam("modelid") String modelId) {
        return Responses.ok(Map.of("string", models.export(cid, pid, modelId)));
    }

    @POST
    @Path("/{pid}/model/import")
    @Consumes(MediaType.WILDCARD)
    public Response importModel(@PathParam("cid") String cid, @PathParam("pid") String pid,
                                @QueryParam("modelid") String modelId, byte[] body) {
        return Responses.ok(models.importModel(cid, pid, modelId, JsonBodies.base64(body)), Map.of());
    }
}
