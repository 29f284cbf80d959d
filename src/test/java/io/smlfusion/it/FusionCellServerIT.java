package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.smlfusion.fusion.CellInfo;

/**
 * A fusion whose cells live in another Liberty process — the pom's cell server, with its own port,
 * output directory and customer. Stops that server mid-test: the fusion reports its cells
 * {@code UNREACHABLE} and keeps serving the last good merge. On the way it restarts the cell server
 * to show that a persisted fusion comes back with its cell list, whose secrets are never stored in
 * clear.
 */
class FusionCellServerIT {

    private static final String CELL_BASE = CellServer.BASE;
    private static final Path CELL_SERVER_DIR = Path.of("target", "liberty", "wlp", "usr", "servers", CellServer.NAME);

    private final FusionClient fusionOwner = FusionClient.itServer();
    private final FusionClient cellOwner = new FusionClient(CELL_BASE, CellServer.CID, CellServer.SECRET);
    private final LibertyServer cellServer = CellServer.server();
    private final String run = "fc" + System.nanoTime();

    @Test
    void aFusionKeepsServingWhenTheCellServerStops() throws InterruptedException {
        cellOwner.cellProject(run + "-remote1", "housing-fed3/housing1.csv");
        cellOwner.cellProject(run + "-remote2", "housing-fed3/housing2.csv");
        fusionOwner.cellProject(run + "-local3", "housing-fed3/housing3.csv");
        List<CellInfo> cells = List.of(cellOwner.cell(run + "-remote1"), cellOwner.cell(run + "-remote2"),
                fusionOwner.cell(run + "-local3"));
        String fusion = run + "-f";
        assertEquals(201, fusionOwner.create(fusion, false, cells).status());
        assertEquals(406, fusionOwner.info(fusion).getInt("rowCount"));
        assertEquals(Map.of(run + "-remote1", "OK", run + "-remote2", "OK", run + "-local3", "OK"), fusionOwner.cellsStatus(fusion, cells));

        // a persisted fusion on the cell server, over a cell on the fusion server: it survives a restart
        String persisted = run + "-p";
        assertEquals(201, cellOwner.create(persisted, true, List.of(fusionOwner.cell(run + "-local3"))).status());
        assertEquals(281, cellOwner.info(persisted).getInt("rowCount"));
        cellServer.stop();
        assertNoFileContains(CELL_SERVER_DIR, SignedClient.BOOTSTRAP_SECRET);
        assertTrue(Files.exists(CELL_SERVER_DIR.resolve("resources/security/sealing.key")));
        cellServer.start();
        JsonObject restored = cellOwner.info(persisted);
        assertEquals("fusion", restored.getString("type"));
        assertEquals(281, restored.getInt("rowCount"), "the cell list came back and the merge was fetched again");

        cellServer.stop();
        JsonObject info = fusionOwner.info(fusion);
        long deadline = System.currentTimeMillis() + 20_000;
        while (!info.getJsonObject("params").containsKey("fusion_fetch_error")) {
            assertTrue(System.currentTimeMillis() < deadline, "the stopped cells were never reported: " + info);
            Thread.sleep(100);
            info = fusionOwner.info(fusion);
        }
        assertEquals(406, info.getInt("rowCount"), "the last good merge keeps serving");
        String error = info.getJsonObject("params").getString("fusion_fetch_error");
        assertTrue(error.startsWith(CELL_BASE + " cid=" + CellServer.CID + " pid=" + run + "-remote1: UNREACHABLE ("), error);
        assertTrue(error.contains("; " + CELL_BASE + " cid=" + CellServer.CID + " pid=" + run + "-remote2: UNREACHABLE ("), error);
        assertFalse(error.contains(run + "-local3"), error);
        Map<String, String> statuses = fusionOwner.cellsStatus(fusion, cells);
        assertTrue(statuses.get(run + "-remote1").startsWith("UNREACHABLE ("), statuses::toString);
        assertEquals("OK", statuses.get(run + "-local3"));
    }

    private static void assertNoFileContains(Path directory, String secret) {
        byte[] needle = secret.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    assertFalse(contains(Files.readAllBytes(file), needle), "secret in clear in " + file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
