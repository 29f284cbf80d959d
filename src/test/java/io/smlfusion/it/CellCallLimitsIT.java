package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.fusion.CellInfo;
import io.smlfusion.fusion.CellList;
import io.smlfusion.it.SignedClient.Reply;

/**
 * Every cell call is bounded (ISSUE-10 §1–2), seen over HTTP on the integration-test server, whose
 * pom sets {@code smlfusion.fusion.cell.deadline.ms} = 8000, {@code smlfusion.fusion.cell.max.bytes}
 * = 1048576 and an allow-list of localhost; the default {@code smlfusion.fusion.max.cells} = 1000.
 */
class CellCallLimitsIT {

    private static final long DEADLINE_MS = 8000;

    private final FusionClient owner = FusionClient.itServer();
    private final SignedClient client = owner.signed();
    private final String run = "lim" + System.nanoTime();

    private CellInfo stubCell(CellStub stub, String pid) {
        return new CellInfo(stub.host(), client.cid(), SignedClient.BOOTSTRAP_SECRET, pid);
    }

    private String fusionOver(String pid) {
        owner.cellProject(run + "-" + pid, "housing-fed3/housing1.csv");
        String fusion = run + "-f" + pid;
        assertEquals(201, owner.create(fusion, false, List.of(owner.cell(run + "-" + pid))).status());
        // one ordinary cell call first: the server's first REST client takes a while to build on a busy machine
        long warm = System.currentTimeMillis() + 60_000;
        Reply info = client.get("projects/" + fusion + "/info");
        while (info.status() == 503 && System.currentTimeMillis() < warm) {
            info = client.get("projects/" + fusion + "/info");
        }
        assertEquals(200, info.status(), info::toString);
        return fusion;
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefusedNamingIt() throws IOException {
        String fusion = fusionOver("big");
        try (CellStub chunked = new CellStub(new byte[0]); CellStub declared = new CellStub(new byte[0])) {
            chunked.endless(0);
            declared.endless(10_000_000_000L);
            Map<String, String> statuses = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> owner.cellsStatus(fusion, List.of(stubCell(chunked, "chunked"), stubCell(declared, "declared"))));
            assertEquals("ERROR (answer of more than 1048576 bytes exceeds smlfusion.fusion.cell.max.bytes = 1048576 bytes)",
                    statuses.get("chunked"));
            assertEquals("ERROR (answer of 10000000000 bytes (Content-Length) exceeds smlfusion.fusion.cell.max.bytes = 1048576 bytes)",
                    statuses.get("declared"));
        }
        assertEquals(200, client.get("projects/" + fusion + "/info").status(), "the server carries on");
    }

    @Test
    void aCellThatDripsBytesIsCutAtTheDeadline() throws IOException {
        String fusion = fusionOver("drip");
        try (CellStub drip = new CellStub(new byte[0])) {
            drip.drip(200);
            long started = System.currentTimeMillis();
            Map<String, String> statuses = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> owner.cellsStatus(fusion, List.of(stubCell(drip, "drip"))));
            long took = System.currentTimeMillis() - started;
            assertEquals("TIMEOUT (no complete answer within smlfusion.fusion.cell.deadline.ms = 8000 ms)", statuses.get("drip"));
            assertTrue(took >= DEADLINE_MS - 200 && took < DEADLINE_MS + 10_000, "answered after " + took + " ms");

            String dripping = run + "-fd";
            assertEquals(201, owner.create(dripping, false, List.of(stubCell(drip, "drip"))).status());
            started = System.currentTimeMillis();
            Reply first = client.get("projects/" + dripping + "/info");
            took = System.currentTimeMillis() - started;
            assertEquals(503, first.status(), first::toString);
            assertEquals("The fusion has no merge yet: its cells did not answer within smlfusion.fusion.cell.deadline.ms = 8000 ms;"
                    + " the refresh goes on, try again later", first.statusString());
            assertTrue(took < DEADLINE_MS + 10_000, "the read waited " + took + " ms");
        }
    }

    @Test
    void aCellsOwnErrorTextIsNeverEchoed() throws IOException {
        String fusion = fusionOver("echo");
        try (CellStub hostile = new CellStub(new byte[0])) {
            hostile.fail(500, "{\"statusCode\":\"INTERNAL_SERVER_ERROR\",\"statusString\":\"<b>db password is hunter2</b>\",\"values\":{}}");
            Map<String, String> statuses = owner.cellsStatus(fusion, List.of(stubCell(hostile, "p-1")));
            assertEquals("ERROR (HTTP 500: the cell answered an error)", statuses.get("p-1"));
            assertEquals(List.of("/symetry/rest/" + client.cid() + "/projects/p-1/export"), hostile.paths());
        }
    }

    @Test
    void aListLongerThanTheLimitIsRefusedOnEveryCall() {
        String fusion = fusionOver("many");
        List<CellInfo> cells = new ArrayList<>();
        for (int k = 0; k < 1001; k++) {
            cells.add(new CellInfo("http://localhost:1", client.cid(), SignedClient.BOOTSTRAP_SECRET, "p" + k));
        }
        String expected = "Invalid FusionCellInfoList: 1001 cells, more than smlfusion.fusion.max.cells = 1000";
        for (Reply reply : List.of(owner.create(run + "-toomany", false, cells), owner.update(fusion, cells),
                client.post("projects/fusion/" + fusion + "/cellsStatus", owner.encrypt(CellList.toJson(cells))))) {
            assertEquals(400, reply.status(), reply::toString);
            assertEquals(expected, reply.statusString());
        }
        assertEquals(400, client.get("projects/" + run + "-toomany/info").status(), "nothing was created");
    }

    @Test
    void cellIdsAndHostsAreCheckedBeforeAnyCall() {
        List<CellInfo> traversal = List.of(new CellInfo(SignedClient.BASE, "../../admin", SignedClient.BOOTSTRAP_SECRET, "p"));
        Reply refused = owner.create(run + "-trav", false, traversal);
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("Invalid FusionCellInfoList: cell 1: Invalid customer id [../../admin]: use 1 to 64 letters, digits, '.', '_' or '-'",
                refused.statusString());
        Reply ssh = owner.create(run + "-ssh", false, List.of(new CellInfo("http://127.0.0.1:22", client.cid(), SignedClient.BOOTSTRAP_SECRET, "p")));
        assertEquals(400, ssh.status(), ssh::toString);
        assertEquals("Invalid FusionCellInfoList: cell 1: host [http://127.0.0.1:22] is not allowed by smlfusion.fusion.cell.host.allow",
                ssh.statusString());
    }
}
