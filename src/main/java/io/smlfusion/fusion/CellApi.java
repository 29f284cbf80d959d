package io.smlfusion.fusion;

import java.io.Closeable;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The cell endpoint a fusion calls (DESIGN §6), as a MicroProfile REST Client interface. The base
 * URL is the cell's {@code host}, known only at run time, so {@link CellClient} builds the client
 * programmatically. The path templates sit on the method: on the interface they would also apply
 * to the inherited {@code close()}, which the client then rejects.
 */
@Path("/symetry/rest")
public interface CellApi extends Closeable {

    /**
     * The project's snapshot as raw bytes ({@code Accept: application/octet-stream}), no Base64.
     *
     * @throws CellFailure for any answer but 200, by {@link CellResponseMapper}
     */
    @GET
    @Path("/{cid}/projects/{pid}/export")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    byte[] export(@PathParam("cid") String cid, @PathParam("pid") String pid) throws CellFailure;
}
