package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import jakarta.ws.rs.ProcessingException;

import org.junit.jupiter.api.Test;

/** How the outcome of a cell call is classified (DESIGN §6 vocabulary). */
class CellStatusTest {

    @Test
    void httpStatuses() {
        assertEquals(CellStatus.UNAUTHORIZED, CellStatus.ofHttp(401, "Invalid Signature").status());
        assertEquals(CellStatus.UNAUTHORIZED, CellStatus.ofHttp(403, null).status());
        assertEquals(CellStatus.NOT_FOUND, CellStatus.ofHttp(404, null).status());
        assertEquals(CellStatus.NOT_FOUND, CellStatus.ofHttp(400, "Cannot Find SYMETRYML id[p9] for Customer id [c1]").status());
        assertEquals(CellStatus.ERROR, CellStatus.ofHttp(400, "Project [f] is a fusion project and cannot be exported").status());
        assertEquals(CellStatus.ERROR, CellStatus.ofHttp(500, "Generic Exception <boom>").status());
        assertEquals("HTTP 302: redirects are not followed", CellStatus.ofHttp(302, null).reason());
    }

    @Test
    void aWithheldExportIsItsOwnStatusWithOurReason() {
        String withheld = "{\"statusCode\":\"CONFLICT\",\"statusString\":\"Export of project [p] withheld: 'name$Ann' = 1 holds 1 rows\","
                + "\"values\":{\"exportWithheld\":\"LEVEL\",\"minRows\":10}}";
        CellFailure failure = CellStatus.ofHttp(409, withheld);
        assertEquals(CellStatus.WITHHELD, failure.status());
        assertEquals("HTTP 409: the cell withholds its export: a level of a binary or category attribute holds fewer than 10 rows",
                failure.reason());
        assertEquals(CellStatus.ERROR, CellStatus.ofHttp(409, "{\"statusString\":\"exportWithheld\"}").status());
    }

    @Test
    void aFusionsCycleAndDepthRefusalsAreRecognised() {
        String cycle = "{\"statusCode\":\"CONFLICT\",\"statusString\":\"" + FusionPath.CYCLE + ": fusion project [a] is already on the path\"}";
        CellFailure failure = CellStatus.ofHttp(409, cycle);
        assertEquals(CellStatus.CYCLE, failure.status());
        assertEquals("HTTP 409: the cell is a fusion whose cells lead back to a fusion this call is made for", failure.reason());
        assertEquals(CellStatus.ERROR, CellStatus.ofHttp(409, "Customer [c1] already have SYMETRYML with id[p]").status());
        assertEquals(CellStatus.ERROR, CellStatus.ofHttp(500, cycle).status(), "only a 409 is a cycle");
        CellFailure deep = CellStatus.ofHttp(400, "{\"statusString\":\"" + FusionPath.TOO_DEEP + ": the request has passed through 8 fusions\"}");
        assertEquals(CellStatus.ERROR, deep.status());
        assertEquals("HTTP 400: the cell is a fusion, and the chain of fusions is deeper than it allows", deep.reason());
    }

    @Test
    void reasonsAreOursNeverTheCellsText() {
        String hostile = "{\"statusString\":\"<script>steal()</script> Cannot Find SYMETRYML id[x] \"}";
        assertEquals("HTTP 401: the cell refused the signature of this cid and sk", CellStatus.ofHttp(401, hostile).reason());
        assertEquals("HTTP 400: the cell has no such project for this cid", CellStatus.ofHttp(400, hostile).reason());
        assertEquals("HTTP 500: the cell answered an error", CellStatus.ofHttp(500, hostile).reason());
        String longMessage = "x".repeat(10_000);
        assertTrue(CellStatus.ofException(new ProcessingException(longMessage)).reason().length() <= 201);
    }

    @Test
    void connectionFailuresAreFoundInsideTheClientsWrapping() {
        CellFailure refused = CellStatus.ofException(new ProcessingException(new ConnectException("Connection refused")));
        assertEquals(CellStatus.UNREACHABLE, refused.status());
        assertEquals("ConnectException: Connection refused", refused.reason());
        assertEquals(CellStatus.UNREACHABLE, CellStatus.ofException(new ProcessingException(new UnknownHostException("nohost"))).status());
        assertEquals(CellStatus.TIMEOUT, CellStatus.ofException(
                new ProcessingException("wrapped", new SocketTimeoutException("Read timed out"))).status());
        assertEquals(CellStatus.TIMEOUT, CellStatus.ofException(new SocketTimeoutException("Connect timed out")).status());
        CellFailure other = CellStatus.ofException(new ProcessingException("RESTEASY004655: Unable to invoke request"));
        assertEquals(CellStatus.ERROR, other.status());
        assertEquals("ProcessingException: RESTEASY004655: Unable to invoke request", other.reason());
    }

    @Test
    void aFetcherThatThrowsGivesAFailedAnswer() {
        CellInfo cell = TestCells.cell(1);
        CellAnswer answer = ((CellFetcher) call -> {
            throw new ProcessingException(new ConnectException("Connection refused"));
        }).answer(CellCall.probe(cell, 1 << 20, Deadline.after(java.time.Duration.ofSeconds(1))));
        assertEquals(CellStatus.UNREACHABLE, answer.status());
        assertEquals("http://cell1:9080 cid=c1 pid=p1: UNREACHABLE (ConnectException: Connection refused)", answer.describeFailure());
    }

    @Test
    void okIsNotAFailure() {
        assertThrows(IllegalArgumentException.class, () -> new CellFailure(CellStatus.OK, "fine"));
    }
}
