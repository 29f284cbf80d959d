package io.smlfusion.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smlfusion.jobs.Job;
import io.smlfusion.jobs.JobRegistry;
import io.smlfusion.modelling.ModelSelectionService;

/**
 * Model selection and reduction (spec §8.3): translates HTTP to {@link ModelSelectionService}
 * calls; each is a job (202 + {@code Location} + {@code sym-job-id}).
 */
@Tag(name = "Model selection", description = "Search algorithms, inputs and parameters for the best model (spec 8.3)")
@Path("/{cid}/projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelSelectionResource {

    @Inject
    ModelSelectionService selection;

    @Inject
    JobRegistry jobs;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("/{pid}/selectModel")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response selectModel(@PathParam("cid") String cid, @PathParam("pid") String pid,
                                @QueryParam("modelid") String modelId, @QueryParam("algo") String algo, String body) {
        Job job = jobs.submit(cid, "selectModel", selection.selectModel(cid, pid, modelId, algo, body));
        return AsyncResponses.accepted(job, cid, uriInfo);
    }

    @POST
    @Path("/{pid}/autoSelect")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response autoSelect(@PathParam("cid") String cid, @PathParam("pid") String pid,
                               @QueryParam("modelid") String modelId, @QueryParam("task") String task, String body) {
        Job job = jobs.submit(cid, "autoSelect", selection.autoSelect(cid, pid, modelId, task, body));
        return AsyncResponses.accepted(job, cid, uriInfo);
    }

    @POST
    @Path("/{pid}/{call: selectModel|autoSelect}/{dsid}")
    @Operation(hidden = true) // data sources are refused, whatever their call: nothing to describe
    public Response fromDataSource(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        throw selection.dataSourcesRefused(cid, pid);
    }

    @POST
    @Path("/{pid}/reduce")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response reduce(@PathParam("cid") String cid, @PathParam("pid") String pid,
                           @QueryParam("heuristic") String heuristic, @QueryParam("modelid") String modelId,
                           @QueryParam("algo") String algo, @QueryParam("delta") String delta,
                           @QueryParam("numIterations") String numIterations, String body) {
        Job job = jobs.submit(cid, "reduce", selection.reduce(cid, pid, heuristic, modelId, algo, delta, numIterations,
                body));
        return AsyncResponses.accepted(job, cid, uriInfo, "Reduce Job Created");
    }
}
