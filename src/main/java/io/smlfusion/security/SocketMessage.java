package io.smlfusion.security;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import io.smlfusion.json.JsonFactory;

/**
 * One message of the WebSocket API (spec §2.6): {@code <headerLength>,<headerJson><payload>},
 * or the payload alone once the connection is authenticated. The header JSON is
 * {@code {"headers":[symDate, contentMd5, authorization, cid],"extraKeys":[…]}}.
 *
 * <p>A text message's payload is a DataFrame's JSON, signed as its UTF-8 bytes. A binary message —
 * this server's extension, for Arrow producers — has the same framing in bytes: the prefix and the
 * header block in UTF-8, then the payload's raw bytes (an Arrow IPC stream). A payload alone is
 * told from a framed message by its first character or byte: a digit starts a prefix, while a
 * DataFrame starts with {@code {} and an Arrow stream with its {@code 0xFFFFFFFF} continuation marker.
 *
 * <p>The length prefix counts the header JSON; the documentation says characters, the vendor's
 * client sends its UTF-8 byte count. Both are accepted: the header's end is found by parsing it, and
 * the prefix must equal one of its two lengths. Every part is bounded before it is kept.
 *
 * @param header  the header block, empty when the message carries the payload alone
 * @param payload the payload's bytes, exactly as signed
 */
public record SocketMessage(Optional<SocketHeader> header, byte[] payload) {

    /** A header block is a few hundred characters; this bounds what is parsed before any check. */
    static final int MAX_HEADER_CHARS = 16 * 1024;
    static final int MAX_EXTRA_KEYS = 8;
    static final int MAX_FIELD_CHARS = 1024;
    private static final int MAX_PREFIX_DIGITS = 6;

    /**
     * A text message.
     *
     * @throws SocketMessageException naming what is malformed
     */
    public static SocketMessage parse(String text) throws SocketMessageException {
        int comma = prefixEnd(text);
        if (comma < 0) {
            return new SocketMessage(Optional.empty(), text.getBytes(StandardCharsets.UTF_8));
        }
        String headerJson = headerJson(text, comma);
        String payload = text.substring(comma + 1 + headerJson.length());
        return new SocketMessage(Optional.of(header(headerJson)), payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A binary message: the payload alone is the message itself, not a copy.
     *
     * @throws SocketMessageException naming what is malformed
     */
    public static SocketMessage parse(byte[] message) throws SocketMessageException {
        // the prefix is ASCII digits and a comma: Latin-1 maps each of its bytes to one character
        int comma = prefixEnd(new String(message, 0, Math.min(message.length, MAX_PREFIX_DIGITS + 1), StandardCharsets.ISO_8859_1));
        if (comma < 0) {
            return new SocketMessage(Optional.empty(), message);
        }
        // decoded up to a bound: the header's end is found by parsing, whatever the bytes after it decode to
        long windowEnd = Math.min(message.length, comma + 1L + MAX_HEADER_CHARS * 4L);
        String window = new String(message, 0, (int) windowEnd, StandardCharsets.UTF_8);
        String headerJson = headerJson(window, comma);
        int payloadStart = comma + 1 + headerJson.getBytes(StandardCharsets.UTF_8).length;
        return new SocketMessage(Optional.of(header(headerJson)), Arrays.copyOfRange(message, payloadStart, message.length));
    }

    /** The header JSON that follows the prefix ending at {@code comma}, checked against the length the prefix declares. */
    private static String headerJson(String text, int comma) {
        int declared = Integer.parseInt(text.substring(0, comma));
        if (declared > MAX_HEADER_CHARS) {
            throw new SocketMessageException("header block of " + declared + " characters: at most " + MAX_HEADER_CHARS);
        }
        int start = comma + 1;
        String headerJson = text.substring(start, headerEnd(text, start));
        if (declared != headerJson.length() && declared != headerJson.getBytes(StandardCharsets.UTF_8).length) {
            throw new SocketMessageException("the length prefix " + declared + " does not match the header block ("
                    + headerJson.length() + " characters)");
        }
        return headerJson;
    }

    /** The index of the comma after a length prefix, or -1 when the message has none. */
    private static int prefixEnd(String text) {
        int i = 0;
        while (i < text.length() && i <= MAX_PREFIX_DIGITS && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return -1;
        }
        if (i > MAX_PREFIX_DIGITS || i >= text.length() || text.charAt(i) != ',') {
            throw new SocketMessageException("a message starts with <header length>,<header JSON> or with its payload alone");
        }
        return i;
    }

    /** Where the header object that starts at {@code start} ends, parsed within {@link #MAX_HEADER_CHARS}. */
    private static int headerEnd(String text, int start) {
        String window = text.substring(start, Math.min(text.length(), start + MAX_HEADER_CHARS));
        try (JsonParser parser = JsonFactory.createParser(new StringReader(window))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new SocketMessageException("the header block is not a JSON object");
            }
            // not skipObject(): Parsson's loops for ever on an object that is never closed
            for (int depth = 1; depth > 0; ) {
                if (!parser.hasNext()) {
                    throw new SocketMessageException("the header block is not valid JSON within " + MAX_HEADER_CHARS + " characters");
                }
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    depth++;
                } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    depth--;
                }
            }
            return start + (int) parser.getLocation().getStreamOffset();
        } catch (JsonParsingException e) {
            throw new SocketMessageException("the header block is not valid JSON within " + MAX_HEADER_CHARS + " characters");
        } catch (JsonException | IllegalStateException e) {
            throw new SocketMessageException("the header block is not valid JSON");
        }
    }

    private static SocketHeader header(String headerJson) {
        List<String> headers = null;
        List<String> extraKeys = List.of();
        try (JsonParser parser = JsonFactory.createParser(new StringReader(headerJson))) {
            parser.next();
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.END_OBJECT) {
                    break;
                }
                String name = parser.getString();
                if (parser.next() != JsonParser.Event.START_ARRAY) {
                    throw new SocketMessageException("\"" + bounded(name) + "\" of the header block must be an array of strings");
                }
                switch (name) {
                    case "headers" -> headers = strings(parser, "headers", 4);
                    case "extraKeys" -> extraKeys = strings(parser, "extraKeys", MAX_EXTRA_KEYS);
                    default -> throw new SocketMessageException("unknown field \"" + bounded(name) + "\" in the header block");
                }
            }
        } catch (JsonException e) {
            throw new SocketMessageException("the header block is not valid JSON");
        }
        if (headers == null || headers.size() != 4) {
            throw new SocketMessageException("\"headers\" must hold exactly 4 strings: [sym-date, content-md5, authorization, cid]");
        }
        return new SocketHeader(headers.get(0), headers.get(1), headers.get(2), headers.get(3), extraKeys);
    }

    private static List<String> strings(JsonParser parser, String field, int max) {
        List<String> values = new ArrayList<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            if (event != JsonParser.Event.VALUE_STRING) {
                throw new SocketMessageException("\"" + field + "\" must be an array of strings");
            }
            if (values.size() == max) {
                throw new SocketMessageException("\"" + field + "\" holds more than " + max + " strings");
            }
            String value = parser.getString();
            if (value.length() > MAX_FIELD_CHARS) {
                throw new SocketMessageException("a string of \"" + field + "\" is longer than " + MAX_FIELD_CHARS + " characters");
            }
            values.add(value);
        }
        return values;
    }

    private static String bounded(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }
}
