package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
        assertEquals(PAYLOAD, text(message.payload()));
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
            assertEquals(PAYLOAD, text(message.payload()));
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
        assertEquals(PAYLOAD, text(message.payload()));
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
        assertEquals("a message starts with <header length>,<header JSON> or with its payload alone",
                assertThrows(SocketMessageException.class, () -> SocketMessage.parse("12345678,{}")).getMessage());
        assertEquals("a message starts with <header length>,<header JSON> or with its payload alone",
                assertThrows(SocketMessageException.class, () -> SocketMessage.parse("12{}")).getMessage());
    }

    @Test
    void aBinaryMessageCarriesTheSameFramingInBytesBeforeItsPayload() {
        byte[] arrow = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x10, 0, 0, 0, '7', ',', (byte) 0x80};
        String header = "{\"headers\":[\"d\",\"m\",\"a\",\"clinique-genève\"],\"extraKeys\":[\"p\"]}";
        byte[] prefixAndHeader = (header.getBytes(StandardCharsets.UTF_8).length + "," + header).getBytes(StandardCharsets.UTF_8);
        byte[] framed = Arrays.copyOf(prefixAndHeader, prefixAndHeader.length + arrow.length);
        System.arraycopy(arrow, 0, framed, prefixAndHeader.length, arrow.length);

        SocketMessage message = SocketMessage.parse(framed);
        assertEquals("clinique-genève", message.header().orElseThrow().cid());
        assertArrayEquals(arrow, message.payload());
        SocketMessage alone = SocketMessage.parse(arrow);
        assertTrue(alone.header().isEmpty());
        assertSame(arrow, alone.payload());
        assertEquals("a message starts with <header length>,<header JSON> or with its payload alone",
                assertThrows(SocketMessageException.class, () -> SocketMessage.parse(new byte[] {'4', 0x01, 0, 0})).getMessage());
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void assertRefused(String expected, String header) {
        assertEquals(expected, assertThrows(SocketMessageException.class, () -> SocketMessage.parse(framed(header))).getMessage(), header);
    }

    private static String framed(String header) {
        return header.length() + "," + header + PAYLOAD;
    }
}
