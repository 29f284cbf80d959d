package io.smlfusion.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smlfusion.ingest.FrameFormat;
import io.smlfusion.ingest.ParsedFrame;
import io.smlfusion.jobs.Job;
import io.smlfusion.jobs.JobRegistry;
import io.smlfusion.jobs.JobResult;
import io.smlfusion.project.ProjectInfo;
import io.smlfusion.disclosure.ExportRelease;
import io.smlfusion.project.ProjectService;
import io.smlfusion.refusal.RequestRefused;

/** Projects REST API (spec §5.2–5.3): translates HTTP to {@link ProjectService} calls and back. */
@Tag(name = "Projects", description = "Project lifecycle, learn and forget, export and import (spec 5)")
@Path("/{cid}/projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    @Inject
    ProjectService projects;

    @Inject
    JobRegistry jobs;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response create(@PathParam("cid") String cid, @QueryParam("pid") String pid, @QueryParam("type") String type,
                           @QueryParam("persist") String persist, @QueryParam("enableHistogram") String enableHistogram,
                           String body) {
        String message = projects.create(cid, pid, type, QueryFlags.flag("persist", persist, false),
                QueryFlags.flag("enableHistogram", enableHistogram, false), JsonBodies.stringMap(body));
        return Responses.created(message, Map.of());
    }

    @GET
    @Path("/list")
    public Response list(@PathParam("cid") String cid) {
        return Responses.ok(Map.of("stringList", Map.of("values", projects.list(cid))));
    }

    @GET
    @Path("/{pid}/info")
    public Response info(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        return Responses.ok(Map.of("smlInfo", ProjectInfo.of(projects.project(cid, pid))));
    }

    @DELETE
    @Path("/{pid}")
    public Response delete(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        return Responses.ok(projects.delete(cid, pid), Map.of());
    }

    @GET
    @Path("/{pid}/rename")
    public Response rename(@PathParam("cid") String cid, @PathParam("pid") String pid,
                           @QueryParam("newName") String newName, @QueryParam("rename") String rename) {
        return Responses.created(projects.rename(cid, pid, newName != null ? newName : rename), Map.of());
    }

    @GET
    @Path("/{pid}/save")
    public Response save(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        projects.save(cid, pid);
        return Responses.ok();
    }

    @GET
    @Path("/{pid}/freeze")
    public Response freeze(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        projects.setFrozen(cid, pid, true);
        return Responses.ok();
    }

    @GET
    @Path("/{pid}/unfreeze")
    public Response unfreeze(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        projects.setFrozen(cid, pid, false);
        return Responses.ok();
    }

    @POST
    @Path("/{pid}/histogramEnable")
    @Consumes(MediaType.WILDCARD)
    public Response histogramEnable(@PathParam("cid") String cid, @PathParam("pid") String pid,
                                    @QueryParam("enable") String enable) {
        if (enable == null || enable.isEmpty()) {
            throw RequestRefused.invalid("histogramEnable needs the query parameter enable=true or enable=false");
        }
        projects.setHistogramEnabled(cid, pid, QueryFlags.flag("enable", enable, false));
        return Responses.ok();
    }

    @GET
    @Path("/{pid}/unload")
    public Response unload(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        projects.unload(cid, pid);
        return Responses.ok();
    }

    @GET
    @Path("/{pid}/merge")
    public Response merge(@PathParam("cid") String cid, @PathParam("pid") String pid,
                          @QueryParam("otherProjectName") String other) {
        projects.merge(cid, pid, other);
        return Responses.ok();
    }

    /** Base64 in the envelope (spec §5.3), or the raw snapshot when the client accepts octet-stream. */
    @GET
    @Path("/{pid}/export")
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    public Response export(@PathParam("cid") String cid, @PathParam("pid") String pid, @Context HttpHeaders headers) {
        ExportRelease release = projects.export(cid, pid, headers.getHeaderString(HttpHeaders.IF_NONE_MATCH));
        Response.ResponseBuilder answer;
        if (release.unchanged()) {
            answer = Response.notModified();
        } else if (headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.APPLICATION_OCTET_STREAM_TYPE) && !t.isWildcardType())) {
            answer = Response.ok(release.snapshot(), MediaType.APPLICATION_OCTET_STREAM_TYPE);
        } else {
            answer = Response.fromResponse(Responses.ok(Map.of("string", Base64.getEncoder().encodeToString(release.snapshot()))));
        }
        if (release.version() != null) {
            answer.tag(new EntityTag(release.version().etag()));
        }
        return answer.build();
    }

    /** The disclosure controls of the project's exports (docs/operations.md): its thresholds in force. */
    @GET
    @Path("/{pid}/exportPolicy")
    public Response exportPolicy(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        return Responses.ok(Map.of("exportPolicy", projects.exportPolicy(cid, pid).asOptions()));
    }

    /** Raises the project's thresholds above the server's; the body is an options map of them. */
    @POST
    @Path("/{pid}/exportPolicy")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response setExportPolicy(@PathParam("cid") String cid, @PathParam("pid") String pid, String body) {
        return Responses.ok(Map.of("exportPolicy", projects.setExportPolicy(cid, pid, JsonBodies.stringMap(body)).asOptions()));
    }

    @POST
    @Path("/{pid}/import")
    @Consumes(MediaType.WILDCARD)
    public Response importProject(@PathParam("cid") String cid, @PathParam("pid") String pid,
                                  @QueryParam("persist") String persist, byte[] body) {
        return Responses.ok(projects.importProject(cid, pid, QueryFlags.flag("persist", persist, false), JsonBodies.base64(body)),
                Map.of());
    }

    @GET
    @Path("/{pid}/{action: addds|detachds}/{dsname}")
    @Operation(hidden = true) // data sources are refused, whatever their call: nothing to describe
    public Response attachDataSource(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        throw projects.dataSourcesRefused(cid, pid);
    }

    @GET
    @Path("/{pid}/dss/{dataSourceCall: .+}")
    @Operation(hidden = true) // data sources are refused, whatever their call: nothing to describe
    public Response dataSourceCall(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        throw projects.dataSourcesRefused(cid, pid);
    }

    @POST
    @Path("/{pid}/dss/{dataSourceCall: .+}")
    @Operation(hidden = true) // data sources are refused, whatever their call: nothing to describe
    public Response postDataSourceCall(@PathParam("cid") String cid, @PathParam("pid") String pid) {
        throw projects.dataSourcesRefused(cid, pid);
    }

    @POST
    @Path("/{pid}/learn")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response learn(@PathParam("cid") String cid, @PathParam("pid") String pid, @QueryParam("async") String async,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream dataFrame) throws IOException {
        FrameFormat format = FrameFormat.ofMediaType(contentType);
        return ingest(cid, pid, QueryFlags.flag("async", async, false), "learn", dataFrame, (c, p, rows) -> projects.learn(c, p, rows, format));
    }

    @POST
    @Path("/{pid}/forget")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response forget(@PathParam("cid") String cid, @PathParam("pid") String pid, @QueryParam("async") String async,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream dataFrame) throws IOException {
        FrameFormat format = FrameFormat.ofMediaType(contentType);
        return ingest(cid, pid, QueryFlags.flag("async", async, false), "forget", dataFrame, (c, p, rows) -> projects.forget(c, p, rows, format));
    }

    private Response ingest(String cid, String pid, boolean async, String jobType, InputStream dataFrame, Ingestion ingestion)
            throws IOException {
        if (!async) {
            return Responses.ok(ingested(ingestion.apply(cid, pid, dataFrame.readAllBytes())));
        }
        projects.project(cid, pid);
        byte[] body = dataFrame.readAllBytes();
        Job job = jobs.submit(cid, jobType, () -> JobResult.finished(ingested(ingestion.apply(cid, pid, body))));
        return AsyncResponses.accepted(job, cid, uriInfo);
    }

    @FunctionalInterface
    private interface Ingestion {
        ParsedFrame apply(String cid, String pid, byte[] dataFrame);
    }

    /** What learn and forget answer, over REST and WebSocket alike. */
    public static Map<String, Object> ingested(ParsedFrame frame) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rowsApplied", frame.block().rowCount());
        values.put("rowsSkipped", frame.rowsSkipped());
        if (frame.firstSkipReason() != null) {
            values.put("firstSkipReason", frame.firstSkipReason());
        }
        return values;
    }
}
