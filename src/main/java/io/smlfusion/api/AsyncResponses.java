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
        URI location = uriInfo.getBaseUriBuilder().path(cid).path("jobs").path(String.valueOf(job.id())).build();
        return Response.fromResponse(Responses.envelope(Response.Status.ACCEPTED, "Job Created", Map.of()))
                .location(location)
                .header("sym-job-id", job.id())
                .build();
    }
}
