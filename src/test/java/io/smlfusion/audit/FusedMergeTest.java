package io.smlfusion.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The hashes the trail records, against reference values computed by other tools. */
class FusedMergeTest {

    private static final MergedCell A = new MergedCell("http://a:9080", "c1", "p1", 10, "11".repeat(32));
    private static final MergedCell B = new MergedCell("https://b", "c2", "p2", 5, "22".repeat(32));

    @Test
    void sha256IsTheStandardDigest() {
        // FIPS 180-2 example "abc"; `printf abc | sha256sum`
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theMergeHashIsTheDigestOfItsCellLinesInMergeOrder() {
        // printf 'http://a:9080 c1 p1 1111…\nhttps://b c2 p2 2222…\n' | sha256sum
        FusedMerge merge = FusedMerge.of(15, List.of(A, B));
        assertEquals("865611796e086947f1d407050fb1f619f4183244d0a57b54cc079e2e639a2c47", merge.sha256());
        assertNotEquals(merge.sha256(), FusedMerge.of(15, List.of(B, A)).sha256(), "order is part of the merge");
    }

    @Test
    void storedCellsReadBackAsWritten() {
        assertEquals(List.of(A, B), AuditJson.cells(AuditJson.cells(List.of(A, B))));
    }

    @Test
    void theCallIsWhatFollowsTheProjectInThePath() {
        assertEquals("explore", AnsweredRequest.callOf("c1/projects/f1/explore"));
        assertEquals("info", AnsweredRequest.callOf("c1/projects/f1/info"));
        assertEquals("models/m1/predict", AnsweredRequest.callOf("c1/projects/f1/models/m1/predict"));
        assertEquals("read", AnsweredRequest.callOf("c1/projects/f1"));
        assertEquals("explore", AnsweredRequest.callOf("projects/projects/projects/explore"), "a customer and a project named projects");
        assertEquals(AnsweredRequest.MAX_CALL_LENGTH,
                AnsweredRequest.callOf("c1/projects/f1/" + "x".repeat(500)).length());
    }
}
