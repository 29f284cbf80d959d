package io.smlfusion.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.smlfusion.refusal.RequestRefused;
import io.smlfusion.refusal.RequestRefused.Reason;

/** The string-array body of the export-key calls: read when small and well formed, refused naming the problem otherwise. */
class JsonBodiesTest {

    @Test
    void readsTheArrayOfTheField() {
        assertEquals(List.of("north", "south"), JsonBodies.stringArray("{\"projects\":[\"north\",\"south\"],\"x\":1}", "projects", 100));
        assertEquals(List.of(), JsonBodies.stringArray("{}", "projects", 100));
        assertEquals(List.of(), JsonBodies.stringArray("", "projects", 100));
    }

    @Test
    void refusesWhatIsNotAnArrayOfStrings() {
        assertRefused(Reason.INVALID, "'projects' must be an array of strings", "{\"projects\":\"north\"}");
        assertRefused(Reason.INVALID, "'projects' must be an array of strings", "{\"projects\":[\"north\",1]}");
        RequestRefused notJson = assertThrows(RequestRefused.class, () -> JsonBodies.stringArray("[\"north\"]", "projects", 100));
        assertEquals(Reason.INVALID, notJson.reason());
    }

    @Test
    void refusesALongBodyBeforeParsingIt() {
        assertRefused(Reason.TOO_LARGE, "Request body has 101 characters; this call takes at most 100", "{" + " ".repeat(99) + "}");
    }

    private static void assertRefused(Reason reason, String message, String body) {
        RequestRefused refused = assertThrows(RequestRefused.class, () -> JsonBodies.stringArray(body, "projects", 100));
        assertEquals(reason, refused.reason());
        assertEquals(message, refused.getMessage());
    }
}
