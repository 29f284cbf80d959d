package io.smlfusion.ingest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import jakarta.json.spi.JsonProvider;

/**
 * Streams a DataFrame (spec §4.2: {@code attributeNames}, {@code attributeTypes}, {@code data} as
 * rows of strings, optional {@code errorHandling}) straight into a {@link FrameBuilder}: no JSON
 * tree and no per-row objects, so ingestion cost is parsing, not allocation.
 *
 * <p>Keys may come in any order. When {@code data} precedes the names or types the rows are kept
 * as text until the header is known (the slow path real clients do not take).
 */
public final class DataFrameReader {

    private static final JsonProvider JSON = JsonProvider.provider();

    private DataFrameReader() {
    }

    public static ParsedFrame read(InputStream body, FrameOptions options) {
        try (JsonParser parser = JSON.createParser(body)) {
            return new Reading(parser, options).run();
        } catch (JsonParsingException e) {
            throw new FrameException("Malformed DataFrame JSON: " + e.getMessage());
        }
    }

    private static final class Reading {
        private final JsonParser parser;
        private final FrameOptions options;
        private List<String> names;
        private List<String> types;
        private Integer errorHandling;
        private List<List<String>> earlyRows;
        private FrameBuilder builder;

        Reading(JsonParser parser, FrameOptions options) {
            this.parser = parser;
            this.options = options;
        }

        ParsedFrame run() {
            expect(Event.START_OBJECT, "a DataFrame must be a JSON object");
            Event event;
            while ((event = parser.next()) != Event.END_OBJECT) {
                if (event != Event.KEY_NAME) {
                    throw new FrameException("Malformed DataFrame JSON: expected a key");
                }
                String key = parser.getString();
                switch (key) {
                    case "attributeNames" -> names = readStrings(key);
                    case "attributeTypes" -> types = readStrings(key);
                    case "errorHandling" -> errorHandling = readErrorHandling();
                    case "data" -> readData();
                    default -> skipValue();
                }
            }
            FrameBuilder frame = builder();
            if (earlyRows != null) {
                for (List<String> row : earlyRows) {
                    frame.startRow();
                    row.forEach(frame::cell);
                    frame.endRow();
                }
            }
            return frame.finish();
        }

        private FrameBuilder builder() {
            if (builder == null) {
                if (names == null) {
                    throw new FrameException("DataFrame has no attributeNames");
                }
                builder = new FrameBuilder(names, types, errorHandling == null ? 0 : errorHandling, options);
            }
            return builder;
        }

        private void readData() {
            expect(Event.START_ARRAY, "data must be an array of rows");
            boolean headerKnown = names != null && types != null;
            if (!headerKnown) {
                earlyRows = new ArrayList<>();
            }
            FrameBuilder frame = headerKnown ? builder() : null;
            Event event;
            while ((event = parser.next()) != Event.END_ARRAY) {
                if (event != Event.START_ARRAY) {
                    throw new FrameException("data must be an array of rows, and each row an array of strings");
                }
                List<String> early = headerKnown ? null : new ArrayList<>();
                if (headerKnown) {
                    frame.startRow();
                }
                while ((event = parser.next()) != Event.END_ARRAY) {
                    String cell = cellText(event);
                    if (headerKnown) {
                        frame.cell(cell);
                    } else {
                        early.add(cell);
                    }
                }
                if (headerKnown) {
                    frame.endRow();
                } else {
                    earlyRows.add(early);
                }
            }
        }

        /** Cells are strings on the wire; numbers and null are tolerated as clients send them. */
        private String cellText(Event event) {
            return switch (event) {
                case VALUE_STRING, VALUE_NUMBER -> parser.getString();
                case VALUE_NULL -> null;
                case VALUE_TRUE -> "1";
                case VALUE_FALSE -> "0";
                default -> throw new FrameException("data rows must contain strings, found " + event);
            };
        }

        private List<String> readStrings(String key) {
            expect(Event.START_ARRAY, key + " must be an array of strings");
            List<String> values = new ArrayList<>();
            Event event;
            while ((event = parser.next()) != Event.END_ARRAY) {
                if (event != Event.VALUE_STRING) {
                    throw new FrameException(key + " must be an array of strings");
                }
                values.add(parser.getString());
            }
            return values;
        }

        private int readErrorHandling() {
            Event event = parser.next();
            String text = switch (event) {
                case VALUE_NUMBER, VALUE_STRING -> parser.getString();
                default -> throw new FrameException("errorHandling must be 0 or 1");
            };
            return switch (text.trim()) {
                case "0" -> 0;
                case "1" -> 1;
                default -> throw new FrameException("errorHandling must be 0 (reject the DataFrame) or 1 (skip bad rows), not " + text);
            };
        }

        private void skipValue() {
            Event event = parser.next();
            if (event == Event.START_ARRAY) {
                parser.skipArray();
            } else if (event == Event.START_OBJECT) {
                parser.skipObject();
            }
        }

        private void expect(Event expected, String message) {
            if (!parser.hasNext() || parser.next() != expected) {
                throw new FrameException(message);
            }
        }
    }
}
