package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SocketMessageTest {

    private static final String PAYLOAD = "{\"attributeNames\":[\"x\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1\"]]}";

    @Test
    void readsTheVendorClientsFraming() {
        String header = "{\"headers\":[\"2025-11-16 20:11:50;294669000\",\"QIrb==\",\"5+38=\",\"c1\"],\"extraKeys\":[\"rtest1\"]}";
        SocketMessage message = SocketMessage.parse(header.length() + "," + header + PAYLOAD);
        SocketHeader parsed = message.header().orElseThrow();
        assertEquals(new SocketHeader("2025-11-16 20:11:50;294669000", "QIrb==", "5+38=", "c1", List.of("rtest1")), parsed);
        assertEquals(PAYLOAD, message.payload());
    }

    @Test
    void theLengthPrefixMayCountCharactersOrUtf8Bytes() {
        String header = "{\"headers\":[\"d\",\"m\",\"a\",\"clinique-genève\"],\"extraKeys\":[\"p\"]}";
        int characters = header.length();
        int bytes = header.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes > characters);
        for (int prefix : new int[] {characters, bytes}) {
            SocketMessage message = SocketMessage.parse(prefix + "," + header + PAYLOAD);
            assertEquals("clinique-genève", message.header().orElseThrow().cid());
            assertEquals(PAYLOAD, message.payload());
        }
        SocketMessageException wrong = assertThrows(SocketMessageException.class,
                () -> SocketMessage.parse((characters - 1) + "," + header + PAYLOAD));
        assertEquals("the length prefix " + (characters - 1) + " does not match the header block (" + characters + " characters)",
                wrong.getMessage());
    }

    @Test
    void aMessageWithoutPrefixIsThePayloadAlone() {
        SocketMessage message = SocketMessage.parse(PAYLOAD);
        assertTrue(message.header().isEmpty());
        assertEquals(PAYLOAD, message.payload());
    }

    @Test
    void malformedHeaderBlocksAreNamed() {
        assertRefused("\"headers\" must hold exactly 4 strings: [sym-date, content-md5, authorization, cid]",
                "{\"headers\":[\"a\",\"b\",\"c\"],\"extraKeys\":[]}");
        assertRefused("\"headers\" must be an array of strings", "{\"headers\":[1,2,3,4]}");
        assertRefused("unknown field \"user\" in the header block", "{\"user\":[\"x\"]}");
        assertRefused("\"extraKeys\" holds more than 8 strings",
                "{\"headers\":[\"a\",\"b\",\"c\",\"d\"],\"extraKeys\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]}");
        assertRefused("the header block is not a JSON object", "[\"headers\"]");
        assertRefused("the header block is not valid JSON within 16384 characters", "{\"headers\":[\"a\"");
        assertEquals("a string of \"extraKeys\" is longer than 1024 characters", assertThrows(SocketMessageException.class,
                () -> SocketMessage.parse(framed("{\"headers\":[\"a\",\"b\",\"c\",\"d\"],\"extraKeys\":[\"" + "p".repeat(1025) + "\"]}")))
                .getMessage());
    }

    @Test
    void theHeaderBlockIsBoundedBeforeItIsParsed() {
        assertEquals("header block of 20000 characters: at most 16384",
                assertThrows(SocketMessageException.class, () -> SocketMessage.parse("20000,{" + "x".repeat(30_000))).getMessage());
        assertEquals("a message starts with <header length>,<header JSON> or with the DataFrame JSON",
                assertThrows(SocketMessageException.class, () -> SocketMessage.parse("12345678,{}")).getMessage());
        assertEquals("a message starts with <header length>,<header JSON> or with the DataFrame JSON",
                assertThrows(SocketMessageException.class, () -> SocketMessage.parse("12{}")).getMessage());
    }

    private static void assertRefused(String expected, String header) {
        assertEquals(expected, assertThrows(SocketMessageException.class, () -> SocketMessage.parse(framed(header))).getMessage(), header);
    }

    private static String framed(String header) {
        return header.length() + "," + header + PAYLOAD;
    }
}
