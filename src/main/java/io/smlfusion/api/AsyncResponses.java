package io.smlfusion.api;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.smlfusion.jobs.Job;

/** The 202 answer of an asynchronous call: {@code Location} of the job and its id in {@code sym-job-id} (spec §1). */
public final class AsyncResponses {

    private AsyncResponses() {
    }

    public static Response accepted(Job job, String cid, UriInfo uriInfo) {
        return accepted(job, cid, uriInfo, "Job Created");
    }

    /** The same with the product's own status string, e.g. {@code Reduce Job Created}. */
    public static Response accepted(Job job, String cid, UriInfo uriInfo, String statusString) {
        URI location = uriInfo.getBaseUriBuilder().path(cid).path("jobs").path(String.valueOf(job.id())).build();
        return Response.fromResponse(Responses.envelope(Response.Status.ACCEPTED, statusString, Map.of()))
                .location(location)
                .header("sym-job-id", job.id())
                .build();
    }
}
