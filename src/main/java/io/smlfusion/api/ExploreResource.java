package io.smlfusion.api;

import java.util.function.Supplier;

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

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smlfusion.exploration.ExplorationService.Answer;
import io.smlfusion.exploration.ExplorationService;
import io.smlfusion.jobs.Job;
import io.smlfusion.jobs.JobRegistry;
import io.smlfusion.jobs.JobResult;
import io.smlfusion.refusal.RequestRefused;

/**
 * Exploration API (spec §7.1, §7.4): translates HTTP to {@link ExplorationService} calls, in the
 * request or, with {@code async=true}, as a job (202). {@code vif}, {@code explorepca},
 * {@code exploresvd} and {@code exploresvdfs} are asynchronous unless {@code async=false}, as the
 * product documents them. {@code format=raw} answers unformatted numbers (an extension; the
 * product always formats). {@code useLocal} and {@code tps} are accepted and have no effect.
 */
@Tag(name = "Exploration", description = "Statistics, tests and decompositions computed from the summary of a project (spec 7)")
@Path("/{cid}/projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class ExploreResource {

    /** The value of the {@code format} query parameter that turns formatting off. */
    static final String RAW = "raw";

    @Inject
    ExplorationService exploration;

    @Inject
    JobRegistry jobs;

    @Context
    UriInfo uriInfo;

    @QueryParam("format")
    String format;

    @POST
    @Path("/{pid}/explore")
    public Response explore(@PathParam("cid") String cid, @PathParam("pid") String pid,
                            @QueryParam("metric") String metric, @QueryParam("async") String async,
                            @QueryParam("returnProjectInfo") String returnProjectInfo,
                            String body) {
        return answer(cid, "explore", QueryFlags.flag("async", async, false),
                exploration.explore(cid, pid, metric, body, raw(), QueryFlags.flag("returnProjectInfo", returnProjectInfo, true)));
    }

    @POST
    @Path("/{pid}/vif")
    public Response vif(@PathParam("cid") String cid, @PathParam("pid") String pid,
                        @QueryParam("async") String async, String body) {
        return answer(cid, "vif", QueryFlags.flag("async", async, true),
                exploration.varianceInflation(cid, pid, body, raw()));
    }

    @POST
    @Path("/{pid}/explorepca")
    public Response pca(@PathParam("cid") String cid, @PathParam("pid") String pid,
                        @QueryParam("explainedCovariance") String explainedCovariance,
                        @QueryParam("async") String async, String body) {
        return answer(cid, "explorepca", QueryFlags.flag("async", async, true),
                exploration.principalComponents(cid, pid, body, explainedCovariance, raw()));
    }

    @POST
    @Path("/{pid}/exploresvd")
    public Response svd(@PathParam("cid") String cid, @PathParam("pid") String pid,
                        @QueryParam("async") String async, String body) {
        return answer(cid, "exploresvd", QueryFlags.flag("async", async, true),
                exploration.singularValues(cid, pid, body, raw()));
    }

    @POST
    @Path("/{pid}/exploresvdfs")
    public Response svdFeatureSelection(@PathParam("cid") String cid, @PathParam("pid") String pid,
                        @QueryParam("async") String async, String body) {
        return answer(cid, "exploresvdfs", QueryFlags.flag("async", async, true),
                exploration.singularValueSelection(cid, pid, body));
    }

    @POST
    @Path("/{pid}/densityEstimate")
    public Response density(@PathParam("cid") String cid, @PathParam("pid") String pid,
                            @QueryParam("async") String async, String body) {
        return answer(cid, "densityEstimate", QueryFlags.flag("async", async, false),
                exploration.density(cid, pid, body, raw()));
    }

    @POST
    @Path("/{pid}/conditionalDensityEstimate")
    public Response conditionalDensity(@PathParam("cid") String cid, @PathParam("pid") String pid,
                            @QueryParam("async") String async, String body) {
        return answer(cid, "conditionalDensityEstimate", QueryFlags.flag("async", async, false),
                exploration.conditionalDensity(cid, pid, body, raw()));
    }

    private boolean raw() {
        if (format != null && !format.isBlank() && !RAW.equalsIgnoreCase(format)) {
            throw RequestRefused.invalid("format = '" + format + "' is not supported: send format=raw for unformatted"
                    + " numbers, or nothing");
        }
        return format != null && RAW.equalsIgnoreCase(format);
    }

    private Response answer(String cid, String jobType, boolean async, Supplier<Answer> work) {
        if (!async) {
            Answer answer = work.get();
            return Responses.ok(answer.statusString(), answer.values());
        }
        Job job = jobs.submit(cid, jobType, () -> {
            Answer answer = work.get();
            return JobResult.finished(answer.statusString(), answer.values());
        });
        return AsyncResponses.accepted(job, cid, uriInfo);
    }
}
