package io.smlfusion.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AttributeNamesTest {

    @Test
    void printableUnicodeUpTo256CharactersIsAccepted() {
        assertNull(AttributeNames.problem("price"));
        assertNull(AttributeNames.problem("Größe in m² (état)"));
        assertNull(AttributeNames.problem("温度 😀"));
        assertNull(AttributeNames.problem("x".repeat(256)));
        assertNull(AttributeNames.problem("😀".repeat(256)), "characters are code points, not UTF-16 units");
    }

    @Test
    void longEmptyAndNonPrintableNamesAreRefused() {
        assertEquals("is longer than 256 characters", AttributeNames.problem("x".repeat(257)));
        assertEquals("is longer than 256 characters", AttributeNames.problem("x".repeat(100_000)));
        assertEquals("is empty", AttributeNames.problem(" "));
        assertEquals("holds the non-printable character U+0000 at position 1", AttributeNames.problem("a\0b"));
        assertEquals("holds the non-printable character U+D800 at position 0", AttributeNames.problem("\uD800x"));
        assertEquals("holds the non-printable character U+DC00 at position 1", AttributeNames.problem("x\uDC00"));
        assertEquals("holds the non-printable character U+202E at position 1", AttributeNames.problem("a\u202Eb"));
        assertEquals("holds the non-printable character U+000A at position 1", AttributeNames.problem("a\nb"));
    }

    @Test
    void errorMessagesShowAShortEscapedName() {
        assertEquals("a\\u0000b", AttributeNames.shown("a\0b"));
        assertEquals("x".repeat(40) + "…", AttributeNames.shown("x".repeat(100_000)));
    }
}
