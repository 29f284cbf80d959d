package io.smlfusion.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smlfusion.refusal.RequestRefused;

/** The {@code sym-fusion-budget-ms} header: what a calling fusion gives, and the share a called fusion takes. */
class FusionBudgetTest {

    @Test
    void aBudgetIsWholeMilliseconds() {
        assertEquals(Optional.empty(), FusionBudget.parse(null));
        assertEquals(Optional.empty(), FusionBudget.parse(""));
        assertEquals(Optional.of(Duration.ofMillis(2500)), FusionBudget.parse("2500"));
        assertEquals(Optional.of(Duration.ofMillis(0)), FusionBudget.parse(" 0 "));
        assertEquals(Optional.of(Duration.ofMillis(999_999_999)), FusionBudget.parse("999999999"));
        for (String bad : List.of("-1", "1e3", "2.5", "1234567890", "abc", "1,2", "０")) {
            RequestRefused refused = assertThrows(RequestRefused.class, () -> FusionBudget.parse(bad), bad);
            assertEquals(RequestRefused.Reason.INVALID, refused.reason());
            assertTrue(refused.getMessage().contains(FusionBudget.HEADER), refused::getMessage);
        }
    }

    @Test
    void aCalledFusionSpendsThreeQuartersAndLeavesTheRestForItsAnswer() {
        assertEquals(Duration.ofMillis(6000), FusionBudget.ownShare(Duration.ofMillis(8000)));
        assertEquals(Duration.ZERO, FusionBudget.ownShare(Duration.ZERO));
        // three levels under an 8 s deadline: 6 s, 4.5 s, 3.375 s
        assertEquals(Duration.ofMillis(3375), FusionBudget.ownShare(FusionBudget.ownShare(FusionBudget.ownShare(Duration.ofMillis(8000)))));
    }

    @Test
    void theHeaderSendsWhatIsLeftOfTheCallAndNeverMoreThanTheReadTimeout() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(30));
        long sent = Long.parseLong(FusionBudget.header(deadline, Duration.ofSeconds(60)));
        assertTrue(sent <= 30_000 && sent > 29_000, () -> "sent " + sent);
        assertEquals("1500", FusionBudget.header(deadline, Duration.ofMillis(1500)),
                "a called fusion stays silent until its snapshot is ready: the socket read timeout bounds it");
        assertEquals("0", FusionBudget.header(Deadline.after(Duration.ZERO), Duration.ofMillis(1500)), "a passed deadline leaves nothing");
    }
}
