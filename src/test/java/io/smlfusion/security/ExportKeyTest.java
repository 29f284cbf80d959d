package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The export-only rule: GET export and GET info of the named projects, and nothing else. */
class ExportKeyTest {

    private final ExportKey key = new ExportKey("ek-test", "cells", List.of("north", "south"), Instant.EPOCH, "cells");

    @Test
    void exportAndInfoOfANamedProjectAreAllowed() throws AuthenticationException {
        assertEquals("north", key.authorise("GET", List.of("projects", "north", "export")));
        assertEquals("south", key.authorise("GET", List.of("projects", "south", "info")));
    }

    @Test
    void everyOtherCallOfANamedProjectIsForbidden() {
        for (List<String> path : List.of(List.of("projects", "north", "learn"), List.of("projects", "north", "forget"),
                List.of("projects", "north", "explore"), List.of("projects", "north"), List.of("projects", "north", "save"),
                List.of("projects", "north", "export", ""), List.of("projects", "north", "models", "m1"))) {
            assertForbidden("GET", path, "Export key [ek-test] may only call GET projects/{pid}/export and GET projects/{pid}/info; GET "
                    + String.join("/", path) + " is refused");
        }
    }

    @Test
    void theAllowedCallsWithAnotherVerbAreForbidden() {
        for (String verb : List.of("POST", "PUT", "DELETE", "HEAD", "OPTIONS")) {
            assertForbidden(verb, List.of("projects", "north", "export"),
                    "Export key [ek-test] may only call GET projects/{pid}/export and GET projects/{pid}/info; " + verb
                            + " projects/north/export is refused");
        }
    }

    @Test
    void callsOutsideProjectsAreForbidden() {
        for (List<String> path : List.of(List.of("exportKeys"), List.of("admin", "customers"), List.of("projects", "list"),
                List.of("projects", "info"), List.of("jobs", "j1"), List.of("projects", "fusion", "create"), List.<String>of())) {
            assertForbidden("GET", path, "Export key [ek-test] may only call GET projects/{pid}/export and GET projects/{pid}/info; GET "
                    + String.join("/", path) + " is refused");
        }
        assertForbidden("POST", List.of("exportKeys"), "Export key [ek-test] may only call GET projects/{pid}/export and"
                + " GET projects/{pid}/info; POST exportKeys is refused");
    }

    /** A project the key does not name gets the same answer whether it exists or not. */
    @Test
    void aProjectTheKeyDoesNotNameIsForbidden() {
        assertForbidden("GET", List.of("projects", "east", "export"), "Export key [ek-test] is not valid for project [east]");
        assertForbidden("GET", List.of("projects", "North", "info"), "Export key [ek-test] is not valid for project [North]");
    }

    @Test
    void theProjectListIsACopy() {
        List<String> named = new ArrayList<>(List.of("north"));
        ExportKey copied = new ExportKey("ek-x", "cells", named, Instant.EPOCH, "c1");
        named.add("east");
        assertEquals(List.of("north"), copied.projects());
    }

    private void assertForbidden(String verb, List<String> path, String message) {
        AuthenticationException refused = assertThrows(AuthenticationException.class, () -> key.authorise(verb, path));
        assertEquals(403, refused.status());
        assertEquals(message, refused.statusString());
    }
}
