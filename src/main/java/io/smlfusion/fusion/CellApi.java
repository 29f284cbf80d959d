package io.smlfusion.fusion;

import java.io.Closeable;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The cell endpoint a fusion calls (DESIGN §6), as a MicroProfile REST Client interface. The base
 * URL is the cell project's ({@link CellTarget#projectBase}), known only at run time, so
 * {@link CellClient} builds the client programmatically. The path sits on the method: on the
 * interface it would also apply to the inherited {@code close()}, which the client then rejects.
 */
public interface CellApi extends Closeable {

    /**
     * The project's snapshot as raw bytes ({@code Accept: application/octet-stream}), no Base64, as
     * a response whose body is not read yet, so that {@link CellClient} decides how much of it to read.
     *
     * @param fusionPath {@link FusionPath#header()}; null sends no header
     * @param budgetMs   {@link FusionBudget#header(Deadline, java.time.Duration)}
     * @throws CellFailure for any answer but 200, by {@link CellResponseMapper}
     */
    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    Response export(@HeaderParam(FusionPath.HEADER) String fusionPath, @HeaderParam(FusionBudget.HEADER) String budgetMs)
            throws CellFailure;
}
