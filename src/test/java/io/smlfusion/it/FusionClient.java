package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import io.smlfusion.fusion.CellInfo;
import io.smlfusion.fusion.CellList;
import io.smlfusion.it.SignedClient.Reply;
import io.smlfusion.security.BodyEncryption;
import io.smlfusion.security.SymHeaders;

/**
 * A customer of one server, for the fusion ITs: its cell projects, and the fusion calls of spec §6
 * with bodies encrypted with its key, the way a SymetryML client sends them.
 */
final class FusionClient {

    private final SignedClient client;
    private final String secret;
    private final String host;

    FusionClient(String host, String cid, String secret) {
        this.client = new SignedClient(host, cid, secret);
        this.secret = secret;
        this.host = host;
    }

    static FusionClient itServer() {
        return new FusionClient(SignedClient.BASE, SignedClient.BOOTSTRAP_CID, SignedClient.BOOTSTRAP_SECRET);
    }

    SignedClient signed() {
        return client;
    }

    /** A cell entry naming a project of this customer on this server. */
    CellInfo cell(String pid) {
        return new CellInfo(host, client.cid(), secret, pid);
    }

    /** Creates a project and learns the given reference CSV files ({@link CsvDataFrames}) into it. */
    void cellProject(String pid, String... csv) {
        cellProject(pid, false, csv);
    }

    /** The same, stored in the database with {@code persist=true} when asked: it outlives a restart. */
    void cellProject(String pid, boolean persist, String... csv) {
        assertEquals(201, client.post("projects?pid=" + pid + (persist ? "&persist=true" : ""), "{}").status());
        for (String file : csv) {
            Reply learned = client.post("projects/" + pid + "/learn", CsvDataFrames.dataFrame(file));
            assertEquals(200, learned.status(), learned::toString);
        }
    }

    Reply create(String pid, boolean persist, List<CellInfo> cells) {
        return client.post("projects/fusion/create?pid=" + pid + "&persist=" + persist, encrypt(CellList.toJson(cells)));
    }

    Reply update(String pid, List<CellInfo> cells) {
        return client.post("projects/fusion/" + pid + "/updateCellsInfo", encrypt(CellList.toJson(cells)));
    }

    /** {@code cellsStatus} on the list, decrypted: status (and reason, if any) per cell pid, in list order. */
    Map<String, String> cellsStatus(String fusion, List<CellInfo> cells) {
        Reply reply = client.post("projects/fusion/" + fusion + "/cellsStatus", encrypt(CellList.toJson(cells)));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(reply.values().getString("cellsStatus"), reply.values().getString("cellsStatusEncrypted"));
        return statuses(decrypt(reply.values().getString("cellsStatus"), BodyEncryption.AES_CBC));
    }

    /** Same, in the authenticated scheme announced by {@code sym-encryption}. */
    Map<String, String> cellsStatusGcm(String fusion, List<CellInfo> cells) {
        String body = BodyEncryption.AES_GCM.codec().encrypt(secret, CellList.toJson(cells));
        Reply reply = client.send("POST", "projects/fusion/" + fusion + "/cellsStatus", body.getBytes(StandardCharsets.US_ASCII),
                Map.of(SymHeaders.SYM_ENCRYPTION, BodyEncryption.AES_GCM.headerValue()));
        assertEquals(200, reply.status(), reply::toString);
        return statuses(decrypt(reply.values().getString("cellsStatus"), BodyEncryption.AES_GCM));
    }

    JsonObject info(String pid) {
        Reply reply = client.get("projects/" + pid + "/info");
        assertEquals(200, reply.status(), reply::toString);
        return reply.values().getJsonObject("smlInfo");
    }

    String encrypt(String json) {
        return BodyEncryption.AES_CBC.codec().encrypt(secret, json);
    }

    String decrypt(String wire, BodyEncryption scheme) {
        return scheme.codec().decrypt(secret, wire);
    }

    private static Map<String, String> statuses(String json) {
        Map<String, String> statuses = new LinkedHashMap<>();
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            for (JsonObject cell : reader.readObject().getJsonArray("values").getValuesAs(JsonObject.class)) {
                statuses.put(cell.getString("pid"), cell.getString("status")
                        + (cell.containsKey("reason") ? " (" + cell.getString("reason") + ")" : ""));
            }
        }
        return statuses;
    }
}
