package io.smlfusion.api;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smlfusion.jobs.Job;
import io.smlfusion.jobs.JobRegistry;
import io.smlfusion.refusal.RequestRefused;

/** Jobs API (spec §5.4). */
@Tag(name = "Jobs", description = "Asynchronous jobs: state, result, cancellation (spec 5.4)")
@Path("/{cid}/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    JobRegistry jobs;

    @GET
    public Response list(@PathParam("cid") String cid) {
        return Responses.ok(Map.of("jobinfoList", Map.of("values", jobs.list(cid).stream().map(Job::info).toList())));
    }

    @GET
    @Path("/{jobId}")
    public Response get(@PathParam("cid") String cid, @PathParam("jobId") String jobId) {
        Job job = find(cid, jobId);
        if (!job.isDone()) {
            return Responses.envelope(Response.Status.ACCEPTED, "Job still running", Map.of("jobinfo", job.info()));
        }
        if (job.failure() != null) {
            throw job.failure();
        }
        return Responses.ok(job.result().statusString(), job.answer());
    }

    @DELETE
    @Path("/{jobId}")
    public Response cancel(@PathParam("cid") String cid, @PathParam("jobId") String jobId) {
        Job job = find(cid, jobId);
        if (jobs.cancel(job)) {
            return Responses.ok("Job " + job.id() + " killed", Map.of());
        }
        return Responses.envelope(Response.Status.ACCEPTED, "Job " + job.id() + " cannot be killed: it has finished", Map.of());
    }

    private Job find(String cid, String jobId) {
        try {
            return jobs.get(cid, Long.parseLong(jobId)).orElseThrow(() -> RequestRefused.invalid("No such job"));
        } catch (NumberFormatException e) {
            throw RequestRefused.invalid("No such job");
        }
    }
}
