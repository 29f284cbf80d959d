package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.smlfusion.refusal.RequestRefused;

/** The {@code sym-fusion-path} header: its wire form, its bounds as hostile input, and cycle and depth detection. */
class FusionPathTest {

    private static final int DEPTH = 8;

    @Test
    void noHeaderIsTheEmptyPathAndTheEmptyPathSendsNoHeader() {
        assertEquals(FusionPath.EMPTY, FusionPath.parse(null, DEPTH));
        assertEquals(FusionPath.EMPTY, FusionPath.parse("  ", DEPTH));
        assertNull(FusionPath.EMPTY.header());
        assertEquals(0, FusionPath.EMPTY.depth());
    }

    @Test
    void aPathTravelsOutermostFirstAndReadsBackAsSent() {
        String global = FusionPath.newHopId();
        String regional = FusionPath.newHopId();
        FusionPath sent = FusionPath.EMPTY.enter(global, "g", DEPTH).enter(regional, "r", DEPTH);
        assertEquals(global + "," + regional, sent.header());
        assertEquals(List.of(global, regional), FusionPath.parse(sent.header(), DEPTH).hops());
        // folded or spaced the way HTTP lists may be
        assertEquals(List.of(global, regional), FusionPath.parse(" " + global + " ,\t" + regional + " ", DEPTH).hops());
    }

    @Test
    void hopIdsAreRandomAndNameNothing() {
        Set<String> ids = IntStream.range(0, 1000).mapToObj(k -> FusionPath.newHopId()).collect(Collectors.toSet());
        assertEquals(1000, ids.size());
        for (String id : ids) {
            assertTrue(id.matches("[A-Za-z0-9_-]{16}"), id);
        }
    }

    @Test
    void aFusionAlreadyOnThePathIsACycle() {
        String a = FusionPath.newHopId();
        String b = FusionPath.newHopId();
        FusionPath arrived = FusionPath.parse(FusionPath.EMPTY.then(a).then(b).header(), DEPTH);
        RequestRefused cycle = assertThrows(RequestRefused.class, () -> arrived.enter(a, "fa", DEPTH));
        assertEquals(RequestRefused.Reason.CONFLICT, cycle.reason());
        assertTrue(cycle.getMessage().startsWith(FusionPath.CYCLE + ": fusion project [fa] is already on the path"), cycle::getMessage);
        assertThrows(RequestRefused.class, () -> arrived.enter(b, "fb", DEPTH), "the direct caller too");
        // a fusion that is its own cell meets itself at the first hop
        assertThrows(RequestRefused.class, () -> FusionPath.EMPTY.enter(a, "fa", DEPTH).enter(a, "fa", DEPTH));
        assertEquals(3, arrived.enter(FusionPath.newHopId(), "fc", DEPTH).depth());
    }

    @Test
    void aPathHoldingMaxDepthFusionsAdmitsNoMore() {
        FusionPath full = path(DEPTH);
        RequestRefused deep = assertThrows(RequestRefused.class, () -> full.enter(FusionPath.newHopId(), "f", DEPTH));
        assertEquals(RequestRefused.Reason.INVALID, deep.reason());
        assertTrue(deep.getMessage().startsWith(FusionPath.TOO_DEEP), deep::getMessage);
        assertEquals(DEPTH, path(DEPTH - 1).enter(FusionPath.newHopId(), "f", DEPTH).depth());
    }

    @Test
    void moreIdsThanTheDepthAreRefusedAndTheConfiguredDepthIsCapped() {
        assertEquals(DEPTH, FusionPath.parse(path(DEPTH).header(), DEPTH).depth());
        assertTooDeep(path(DEPTH + 1).header(), DEPTH);
        int cap = FusionPath.MAX_DEPTH_LIMIT;
        assertEquals(cap, FusionPath.parse(path(cap).header(), Integer.MAX_VALUE).depth());
        assertTooDeep(path(cap + 1).header(), Integer.MAX_VALUE);
    }

    @Test
    void anOverlongHeaderIsRefusedByItsLength() {
        String huge = "a".repeat(1_000_000);
        RequestRefused refused = assertTooDeep(huge, DEPTH);
        assertTrue(refused.getMessage().contains("1000000 characters"), refused::getMessage);
        assertTooDeep(",".repeat(10_000), DEPTH);
    }

    @Test
    void malformedIdsAreRefused() {
        for (String bad : List.of("a;b", "../x", "ä", "a,,b", "a,", ",a", "a b", "a\u0000b", "x".repeat(FusionPath.MAX_ID_LENGTH + 1))) {
            RequestRefused refused = assertThrows(RequestRefused.class, () -> FusionPath.parse(bad, DEPTH), bad);
            assertEquals(RequestRefused.Reason.INVALID, refused.reason());
            assertTrue(refused.getMessage().startsWith("The " + FusionPath.HEADER + " header is malformed"), refused::getMessage);
        }
        String longest = "x".repeat(FusionPath.MAX_ID_LENGTH);
        assertTrue(FusionPath.parse(longest, DEPTH).contains(longest));
        assertFalse(FusionPath.parse(longest, DEPTH).contains("x"));
    }

    private static RequestRefused assertTooDeep(String header, int maxDepth) {
        RequestRefused refused = assertThrows(RequestRefused.class, () -> FusionPath.parse(header, maxDepth));
        assertEquals(RequestRefused.Reason.INVALID, refused.reason());
        assertTrue(refused.getMessage().startsWith(FusionPath.TOO_DEEP), refused::getMessage);
        return refused;
    }

    private static FusionPath path(int depth) {
        Set<String> distinct = new HashSet<>();
        FusionPath path = FusionPath.EMPTY;
        while (path.depth() < depth) {
            String id = FusionPath.newHopId();
            if (distinct.add(id)) {
                path = path.then(id);
            }
        }
        return path;
    }
}
