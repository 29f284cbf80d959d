package io.smlfusion.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smlfusion.refusal.RequestRefused;

class ProjectSettingsTest {

    @Test
    void histogramsComeFromTheQueryFlagOrTheVendorClientsBodyOption() {
        assertTrue(ProjectSettings.forCreation(ProjectType.CPU, false, false, Map.of("enable_histogram", "true")).histogramEnabled());
        assertTrue(ProjectSettings.forCreation(ProjectType.CPU, false, false, Map.of("enable_histogram", "TRUE")).histogramEnabled());
        assertTrue(ProjectSettings.forCreation(ProjectType.CPU, false, true, Map.of()).histogramEnabled());
        assertFalse(ProjectSettings.forCreation(ProjectType.CPU, false, false, Map.of("enable_histogram", "false")).histogramEnabled());
        assertFalse(ProjectSettings.forCreation(ProjectType.CPU, false, false, Map.of()).histogramEnabled());
    }

    @Test
    void anOptionThatIsNotABooleanIsRefusedNamingIt() {
        RequestRefused refused = assertThrows(RequestRefused.class,
                () -> ProjectSettings.forCreation(ProjectType.CPU, false, false, Map.of("enable_histogram", "yes please")));
        assertEquals(RequestRefused.Reason.INVALID, refused.reason());
        assertEquals("Option 'enable_histogram' must be true or false, not [yes please]", refused.getMessage());
    }
}
