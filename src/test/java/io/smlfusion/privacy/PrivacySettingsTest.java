package io.smlfusion.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.smlfusion.engine.privacy.AttributeBounds;
import io.smlfusion.engine.privacy.PrivacyBudget;
import io.smlfusion.engine.stats.AttributeType;
import io.smlfusion.refusal.RequestRefused;

class PrivacySettingsTest {

    private static final PrivacyDefaults DEFAULTS = new PrivacyDefaults(false, 2, 1e-7, 0.2);

    @Test
    void postedSettingsAreReadAndStoredAsTheyAre() {
        PrivacySettings settings = PrivacySettings.parse("{\"enabled\": true, \"epsilon\": 0.5, \"delta\": 1e-5, \"exportShare\": 0.25,"
                + " \"bounds\": [{\"name\": \"age\", \"lower\": 0, \"upper\": 120}, {\"name\": \"c$red\", \"type\": \"B\", \"lower\": 0, \"upper\": 1}]}",
                DEFAULTS, 10);
        assertEquals(new PrivacySettings(true, new PrivacyBudget(0.5, 1e-5, 0.25), List.of(
                new AttributeBounds("age", AttributeType.CONTINUOUS, 0, 120), new AttributeBounds("c$red", AttributeType.BINARY, 0, 1))),
                settings);
        assertEquals(settings, PrivacySettings.stored(settings.toJson()));
    }

    @Test
    void absentFieldsTakeTheServerDefaultsAndPostingOptsIn() {
        PrivacySettings settings = PrivacySettings.parse("{\"bounds\": [{\"name\": \"x\", \"lower\": -1, \"upper\": 1}]}", DEFAULTS, 10);
        assertTrue(settings.enabled());
        assertEquals(new PrivacyBudget(2, 1e-7, 0.2), settings.budget());
        PrivacySettings defaults = PrivacySettings.defaults(DEFAULTS);
        assertFalse(defaults.enabled());
        assertEquals(List.of(), defaults.bounds());
    }

    @Test
    void malformedSettingsAreRefusedNamingTheProblem() {
        assertEquals("Invalid privacy settings: 'bounds' must declare every attribute's lower and upper bound", refusal("{}"));
        assertTrue(refusal("[]").startsWith("Privacy settings must be a JSON object"));
        assertTrue(refusal("{\"epsilon\": -1, \"bounds\": [{\"name\": \"x\", \"lower\": 0, \"upper\": 1}]}")
                .contains("epsilon must be positive"));
        assertTrue(refusal("{\"bounds\": [{\"name\": \"x\", \"lower\": 1, \"upper\": 0}]}").contains("lower < upper"));
        assertTrue(refusal("{\"bounds\": [{\"name\": \"x\", \"lower\": \"0\", \"upper\": 1}]}").contains("missing or has the wrong JSON type"));
        assertTrue(refusal("{\"bounds\": [{\"name\": \"x\", \"type\": \"T\", \"lower\": 0, \"upper\": 1}]}").contains("expected C or B"));
        assertTrue(refusal("{\"bounds\": [{\"name\": \"x\", \"lower\": 0, \"upper\": 1}, {\"name\": \"x\", \"lower\": 0, \"upper\": 1}]}")
                .contains("twice"));
        assertTrue(refusal("{\"bounds\": [{\"name\": \"x\", \"lower\": 0, \"upper\": 1}, {\"name\": \"y\", \"lower\": 0, \"upper\": 1},"
                + " {\"name\": \"z\", \"lower\": 0, \"upper\": 1}]}").contains("3 bounds for at most 2 attributes"));
    }

    private static String refusal(String body) {
        RequestRefused refused = assertThrows(RequestRefused.class, () -> PrivacySettings.parse(body, DEFAULTS, 2));
        assertEquals(RequestRefused.Reason.INVALID, refused.reason());
        return refused.getMessage();
    }
}
