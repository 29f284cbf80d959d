package io.smlfusion.ingest;

import java.nio.charset.StandardCharsets;

/**
 * A forward-only reader of JSON text held in a byte array: just what a DataFrame needs, without
 * building tokens or strings it does not have to. Strings without escapes are handed out as byte
 * ranges ({@link #stringStart()}/{@link #stringEnd()}), so numeric cells never become objects.
 */
final class JsonCursor {

    /** Deepest nesting of a value the reader skips (unknown keys); DataFrames themselves are three deep. */
    static final int MAX_SKIPPED_DEPTH = 64;

    private final byte[] json;
    private final int end;
    private int pos;
    private int stringStart;
    private int stringEnd;
    private boolean stringEscaped;

    JsonCursor(byte[] json, int length) {
        this.json = json;
        this.end = length;
    }

    byte[] bytes() {
        return json;
    }

    /** The next significant character, without consuming it; -1 at the end. */
    int peek() {
        skipWhitespace();
        return pos < end ? json[pos] : -1;
    }

    void expect(char c, String what) {
        if (peek() != c) {
            throw malformed("expected " + what);
        }
        pos++;
    }

    /** Consumes {@code c} if it is next. */
    boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** After an element of an array or object: true if another follows (consumes the comma), false at the closing bracket (consumed). */
    boolean more(char close) {
        int c = peek();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == close) {
            pos++;
            return false;
        }
        throw malformed("expected ',' or '" + close + "'");
    }

    /** Reads a string; its raw bytes are then {@code [stringStart, stringEnd)}, decoded by {@link #stringValue()}. */
    void readString() {
        expect('"', "a string");
        stringStart = pos;
        stringEscaped = false;
        while (pos < end) {
            byte b = json[pos];
            if (b == '"') {
                stringEnd = pos++;
                return;
            }
            if (b == '\\') {
                stringEscaped = true;
                pos += 2;
            } else if ((b & 0xff) < 0x20) {
                throw malformed("control character in a string");
            } else {
                pos++;
            }
        }
        throw malformed("unterminated string");
    }

    boolean stringEscaped() {
        return stringEscaped;
    }

    int stringStart() {
        return stringStart;
    }

    int stringEnd() {
        return stringEnd;
    }

    String stringValue() {
        if (!stringEscaped) {
            return new String(json, stringStart, stringEnd - stringStart, StandardCharsets.UTF_8);
        }
        return unescape();
    }

    /** A number, {@code true}, {@code false} or {@code null}: its raw text, or null for {@code null}. */
    String readLiteral() {
        int start = pos;
        while (pos < end && isLiteralChar(json[pos])) {
            pos++;
        }
        if (pos == start) {
            throw malformed("expected a value");
        }
        String text = new String(json, start, pos - start, StandardCharsets.US_ASCII);
        return switch (text) {
            case "null" -> null;
            case "true", "false" -> text;
            default -> {
                if (!isNumber(text)) {
                    throw malformed("invalid literal '" + text + "'");
                }
                yield text;
            }
        };
    }

    /** Skips any value: string, number, literal, array or object. */
    void skipValue() {
        skipValue(0);
    }

    /** Recursive, so bounded: a hostile nesting of a million brackets would overflow the stack. */
    private void skipValue(int depth) {
        if (depth > MAX_SKIPPED_DEPTH) {
            throw malformed("values nested more than " + MAX_SKIPPED_DEPTH + " deep");
        }
        switch (peek()) {
            case '"' -> readString();
            case '[' -> {
                pos++;
                if (!consume(']')) {
                    do {
                        skipValue(depth + 1);
                    } while (more(']'));
                }
            }
            case '{' -> {
                pos++;
                if (!consume('}')) {
                    do {
                        readString();
                        expect(':', "':'");
                        skipValue(depth + 1);
                    } while (more('}'));
                }
            }
            default -> readLiteral();
        }
    }

    void expectEnd() {
        if (peek() != -1) {
            throw malformed("unexpected content after the DataFrame object");
        }
    }

    FrameException malformed(String problem) {
        return new FrameException("Malformed DataFrame JSON at byte " + pos + ": " + problem);
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte b = json[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private String unescape() {
        StringBuilder text = new StringBuilder(stringEnd - stringStart);
        int i = stringStart;
        while (i < stringEnd) {
            int runStart = i;
            while (i < stringEnd && json[i] != '\\') {
                i++;
            }
            text.append(new String(json, runStart, i - runStart, StandardCharsets.UTF_8));
            if (i >= stringEnd) {
                break;
            }
            byte escape = i + 1 < stringEnd ? json[i + 1] : 0;
            switch (escape) {
                case '"' -> text.append('"');
                case '\\' -> text.append('\\');
                case '/' -> text.append('/');
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    if (i + 6 > stringEnd) {
                        throw malformed("truncated \\u escape");
                    }
                    try {
                        text.append((char) Integer.parseInt(new String(json, i + 2, 4, StandardCharsets.US_ASCII), 16));
                    } catch (NumberFormatException e) {
                        throw malformed("invalid \\u escape");
                    }
                    i += 4;
                }
                default -> throw malformed("invalid escape in a string");
            }
            i += 2;
        }
        return text.toString();
    }

    private static boolean isLiteralChar(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'E';
    }

    private static boolean isNumber(String text) {
        return text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }
}
