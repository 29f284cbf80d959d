package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smlfusion.refusal.RequestRefused;

/** Reading and checking a FusionCellInfoList, and the host allow-list (DESIGN §5). */
class CellListTest {

    private static final String SK = "VLmAm+WkpnA5zp2wXiSYkw==";

    private static String list(String... cells) {
        return "{\"values\":[" + String.join(",", cells) + "]}";
    }

    private static String cell(String host, String pid) {
        return "{\"host\":\"" + host + "\",\"cid\":\"c1\",\"sk\":\"" + SK + "\",\"pid\":\"" + pid + "\"}";
    }

    private static final String ANY_HTTP = "https?://.+";

    private static String refusal(String json) {
        RequestRefused e = assertThrows(RequestRefused.class, () -> new CellHostPolicy(ANY_HTTP)
                .requireCallable(CellList.parse(json, 256)));
        assertEquals(RequestRefused.Reason.INVALID, e.reason());
        assertFalse(e.getMessage().contains(SK), "never quote a secret");
        return e.getMessage();
    }

    @Test
    void readsTheDocumentedFormAndRoundTrips() {
        List<CellInfo> cells = CellList.parse(list(cell("http://charm:8080/", "p0"), cell("https://cell.example.org", "p1")), 256);
        assertEquals(List.of(new CellInfo("http://charm:8080", "c1", SK, "p0"), new CellInfo("https://cell.example.org", "c1", SK, "p1")), cells);
        assertEquals(cells, CellList.parse(CellList.toJson(cells), 2));
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
        assertThrows(IllegalArgumentException.class, () -> new CellHostPolicy("(unclosed"));
    }

    @Test
    void theDefaultAllowsOnlyThisServerItself() {
        CellHostPolicy policy = new CellHostPolicy(CellHostPolicy.thisServer(9080, 9443));
        for (String self : List.of("http://localhost:9080", "http://127.0.0.1:9080", "http://[::1]:9080", "https://localhost:9443")) {
            assertNull(policy.refusal(self), self);
        }
        for (String other : List.of("http://169.254.169.254", "http://127.0.0.1:22", "http://[::1]", "http://0x7f000001:9080",
                "http://localhost:9081", "https://localhost:9080", "http://cell.example.org:9080", "http://localhost:90800")) {
            assertEquals("host [" + other + "] is not allowed by smlfusion.fusion.cell.host.allow", policy.refusal(other), other);
        }
    }

    @Test
    void linkLocalAndWildcardAddressesAreRefusedWhateverThePattern() {
        CellHostPolicy any = new CellHostPolicy(ANY_HTTP);
        assertEquals("host [http://169.254.169.254] is a link-local address (169.254.169.254), never called whatever "
                + "smlfusion.fusion.cell.host.allow allows", any.refusal("http://169.254.169.254"));
        assertTrue(any.refusal("http://[fe80::1]:80").startsWith("host [http://[fe80::1]:80] is a link-local address ([fe80:0:0:0:0:0:0:1])"));
        assertTrue(any.refusal("http://[::ffff:169.254.169.254]").contains("link-local"), "IPv4-mapped");
        assertTrue(any.refusal("http://0.0.0.0:9080").contains("the wildcard address"));
        assertNull(any.refusal("http://127.0.0.1:9080"), "loopback is the operator's call");
        assertEquals("Invalid FusionCellInfoList: cell 1: host [http://169.254.169.254] is a link-local address (169.254.169.254), "
                + "never called whatever smlfusion.fusion.cell.host.allow allows", refusal(list(cell("http://169.254.169.254", "p"))));
    }

    @Test
    void theAddressesANameResolvesToAreCheckedAtEachCallAndPlainHttpConnectsToTheCheckedOne() throws Exception {
        InetAddress[][] answer = {{InetAddress.getByName("10.1.2.3")}};
        CellHostPolicy policy = new CellHostPolicy("https?://cell\\.example\\.org(:[0-9]+)?", name -> answer[0]);
        CellTarget target = policy.target("http://cell.example.org:9080");
        assertEquals(new CellTarget(URI.create("http://10.1.2.3:9080"), "cell.example.org:9080"), target);
        assertEquals(URI.create("http://10.1.2.3:9080/symetry/rest/c1/projects/p1"), target.projectBase("c1", "p1"));

        answer[0] = new InetAddress[] {InetAddress.getByName("10.1.2.3"), InetAddress.getByName("169.254.169.254")};
        CellFailure rebound = assertThrows(CellFailure.class, () -> policy.target("http://cell.example.org:9080"));
        assertEquals(CellStatus.ERROR, rebound.status());
        assertEquals("host [http://cell.example.org:9080] is a link-local address (169.254.169.254), never called whatever "
                + "smlfusion.fusion.cell.host.allow allows", rebound.reason());

        answer[0] = new InetAddress[] {InetAddress.getByName("10.1.2.3")};
        assertEquals(new CellTarget(URI.create("https://cell.example.org:9443"), null), policy.target("https://cell.example.org:9443"),
                "https keeps the name: TLS proves the peer is that name");
        assertEquals(CellStatus.ERROR, assertThrows(CellFailure.class, () -> policy.target("http://other.example.org")).status());
        CellHostPolicy unknown = new CellHostPolicy(ANY_HTTP, name -> {
            throw new UnknownHostException(name);
        });
        assertEquals(CellStatus.UNREACHABLE, assertThrows(CellFailure.class, () -> unknown.target("http://nohost.invalid")).status());
    }

    @Test
    void cellIdsFollowOurOwnIdRulesAndBecomeOneEncodedPathSegment() {
        String traversal = "{\"host\":\"http://a:1\",\"cid\":\"../../admin\",\"sk\":\"" + SK + "\",\"pid\":\"p\"}";
        assertEquals("Invalid FusionCellInfoList: cell 1: Invalid customer id [../../admin]: use 1 to 64 letters, digits, '.', '_' or '-'",
                refusal(list(traversal)));
        assertEquals("Invalid FusionCellInfoList: cell 1: Invalid project id [a/b]: use 1 to 128 letters, digits, '.', '_' or '-', other than . and ..",
                refusal(list(cell("http://a:1", "a/b"))));
        assertEquals("Invalid FusionCellInfoList: cell 1: Invalid project id [..]: use 1 to 128 letters, digits, '.', '_' or '-', other than . and ..",
                refusal(list(cell("http://a:1", ".."))));
        assertEquals("Invalid FusionCellInfoList: cell 1: Invalid customer id [.]: a path segment of dots only",
                refusal(list(traversal.replace("../../admin", "."))));
        assertEquals("a%2Fb%20c%C3%A9", CellTarget.segment("a/b cé"));
        assertEquals("%2E%2E", CellTarget.segment(".."));
        assertEquals("p-1_x.y~", CellTarget.segment("p-1_x.y~"));
    }

    @Test
    void aListLongerThanTheLimitIsRefusedNamingIt() {
        String three = list(cell("http://a:1", "p1"), cell("http://a:1", "p2"), cell("http://a:1", "p3"));
        assertEquals(3, CellList.parse(three, 3).size());
        RequestRefused e = assertThrows(RequestRefused.class, () -> CellList.parse(three, 2));
        assertEquals(RequestRefused.Reason.INVALID, e.reason());
        assertEquals("Invalid FusionCellInfoList: 3 cells, more than smlfusion.fusion.max.cells = 2", e.getMessage());
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
