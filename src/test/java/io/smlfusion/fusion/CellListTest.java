package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.smlfusion.api.ApiException;

/** Reading and checking a FusionCellInfoList, and the host allow-list (DESIGN §5). */
class CellListTest {

    private static final String SK = "VLmAm+WkpnA5zp2wXiSYkw==";

    private static String list(String... cells) {
        return "{\"values\":[" + String.join(",", cells) + "]}";
    }

    private static String cell(String host, String pid) {
        return "{\"host\":\"" + host + "\",\"cid\":\"c1\",\"sk\":\"" + SK + "\",\"pid\":\"" + pid + "\"}";
    }

    private static String refusal(String json) {
        ApiException e = assertThrows(ApiException.class, () -> new CellHostPolicy(CellHostPolicy.DEFAULT_ALLOW)
                .requireCallable(CellList.parse(json)));
        assertEquals(400, e.status().getStatusCode());
        assertFalse(e.getMessage().contains(SK), "never quote a secret");
        return e.getMessage();
    }

    @Test
    void readsTheDocumentedFormAndRoundTrips() {
        List<CellInfo> cells = CellList.parse(list(cell("http://charm:8080/", "p0"), cell("https://cell.example.org", "p1")));
        assertEquals(List.of(new CellInfo("http://charm:8080", "c1", SK, "p0"), new CellInfo("https://cell.example.org", "c1", SK, "p1")), cells);
        assertEquals(cells, CellList.parse(CellList.toJson(cells)));
        assertFalse(cells.get(0).toString().contains(SK));
    }

    @Test
    void refusesInvalidLists() {
        assertEquals("Invalid FusionCellInfoList: the decrypted body is not a JSON object", refusal("not json"));
        assertEquals("Invalid FusionCellInfoList: it needs the array \"values\"", refusal("{\"cells\":[]}"));
        assertEquals("Invalid FusionCellInfoList: the list of cells is empty", refusal(list()));
        assertEquals("Invalid FusionCellInfoList: cell 1 needs the string field \"sk\"",
                refusal(list("{\"host\":\"http://a:1\",\"cid\":\"c1\",\"pid\":\"p\"}")));
        assertEquals("Invalid FusionCellInfoList: cell 2 needs the string field \"pid\"",
                refusal(list(cell("http://a:1", "p"), "{\"host\":\"http://a:1\",\"cid\":\"c1\",\"sk\":\"" + SK + "\",\"pid\":\" \"}")));
        assertTrue(refusal(list("{\"host\":\"http://a:1\",\"cid\":\"c1\",\"sk\":\"c2VjcmV0\",\"pid\":\"p\"}"))
                .startsWith("Invalid FusionCellInfoList: cell 1: \"sk\" is not a secret key ("));
        assertEquals("Invalid FusionCellInfoList: cells 1 and 3 are the same cell (host, cid and pid)",
                refusal(list(cell("http://a:1", "p"), cell("http://a:1", "q"), cell("http://a:1/", "p"))));
    }

    @Test
    void refusesHostsThatAreNotPlainHttpUrls() {
        assertEquals("Invalid FusionCellInfoList: cell 1: host [charm:8080] is not an http or https URL", refusal(list(cell("charm:8080", "p"))));
        assertEquals("Invalid FusionCellInfoList: cell 1: host [file:///etc/passwd] is not an http or https URL",
                refusal(list(cell("file:///etc/passwd", "p"))));
        assertTrue(refusal(list(cell("http://a b", "p"))).startsWith("Invalid FusionCellInfoList: cell 1: host [http://a b] is not a URL"));
        assertEquals("Invalid FusionCellInfoList: cell 1: host [http://u:pw@a:1] must not carry user info, a query or a fragment",
                refusal(list(cell("http://u:pw@a:1", "p"))));
        assertEquals("Invalid FusionCellInfoList: cell 1: host [http://a:1?x=1] must not carry user info, a query or a fragment",
                refusal(list(cell("http://a:1?x=1", "p"))));
    }

    @Test
    void theAllowListIsMatchedAsAWhole() {
        CellHostPolicy policy = new CellHostPolicy("https://cell[0-9]+\\.example\\.org(:[0-9]+)?");
        assertNull(policy.refusal("https://cell7.example.org:8443"));
        assertEquals("host [http://cell7.example.org] is not allowed by smlfusion.fusion.cell.host.allow",
                policy.refusal("http://cell7.example.org"));
        assertEquals("host [https://cell7.example.org.evil.net] is not allowed by smlfusion.fusion.cell.host.allow",
                policy.refusal("https://cell7.example.org.evil.net"));
        assertNull(new CellHostPolicy(CellHostPolicy.DEFAULT_ALLOW).refusal("http://169.254.169.254"), "the default allows any http(s) host");
        assertThrows(IllegalArgumentException.class, () -> new CellHostPolicy("(unclosed"));
    }

    @Test
    void statusListCarriesNoSecretAndAReasonForFailures() {
        CellInfo ok = TestCells.cell(1);
        CellInfo down = TestCells.cell(2);
        String json = CellList.statusJson(List.of(CellAnswer.ok(ok, null),
                CellAnswer.failed(down, new CellFailure(CellStatus.UNREACHABLE, "ConnectException: Connection refused"))));
        assertEquals("{\"values\":[{\"host\":\"http://cell1:9080\",\"cid\":\"c1\",\"status\":\"OK\",\"pid\":\"p1\"},"
                + "{\"host\":\"http://cell2:9080\",\"cid\":\"c2\",\"status\":\"UNREACHABLE\",\"pid\":\"p2\","
                + "\"reason\":\"ConnectException: Connection refused\"}]}", json);
    }
}
