package io.smlfusion.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AttributeTypeTest {

    @Test
    void wireCodesRoundTrip() {
        assertEquals("C", AttributeType.CONTINUOUS.code());
        assertEquals("B", AttributeType.BINARY.code());
        for (AttributeType type : AttributeType.values()) {
            assertEquals(type, AttributeType.fromCode(type.code()));
        }
    }

    @Test
    void categoricalAndUnknownCodesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AttributeType.fromCode("T"));
        assertThrows(IllegalArgumentException.class, () -> AttributeType.fromCode("c"));
    }
}
