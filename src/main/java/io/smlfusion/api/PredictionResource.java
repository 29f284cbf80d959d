package io.smlfusion.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smlfusion.ingest.FrameFormat;
import io.smlfusion.modelling.PredictionService;
import io.smlfusion.modelling.PredictionService.Answer;

/** Prediction API (spec §9): a DataFrame in, {@code values.KSVSMap.values} (one string map per row) out. */
@Tag(name = "Prediction", description = "Predict DataFrames with a stored model (spec 9)")
@Path("/{cid}/projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class PredictionResource {

    @Inject
    PredictionService predictions;

    @POST
    @Path("/{pid}/predict/{modelid}")
    public Response predict(@PathParam("cid") String cid, @PathParam("pid") String pid,
                            @PathParam("modelid") String modelId, @QueryParam("impute") String impute,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream dataFrame) throws IOException {
        return predicted(predictions.predict(cid, pid, modelId, impute, dataFrame.readAllBytes(), FrameFormat.ofMediaType(contentType)));
    }

    @POST
    @Path("/{pid}/learnpredict/{modelid}")
    public Response learnPredict(@PathParam("cid") String cid, @PathParam("pid") String pid,
                                 @PathParam("modelid") String modelId, @QueryParam("keepColumns") String keepColumns,
                                 @QueryParam("predictBeforeLearn") String predictBeforeLearn,
                                 @QueryParam("rebuildModel") String rebuildModel, @QueryParam("impute") String impute,
                                 @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream dataFrame)
            throws IOException {
        return predicted(predictions.learnPredict(cid, pid, modelId, keepColumns, predictBeforeLearn, rebuildModel,
                impute, dataFrame.readAllBytes(), FrameFormat.ofMediaType(contentType)));
    }

    /** What predict answers, over REST and WebSocket alike. */
    public static Response predicted(Answer answer) {
        return Responses.ok(answer.statusString(), Map.of("KSVSMap", Map.of("values", answer.rows())));
    }
}
