package io.smlfusion.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a DataFrame (spec §4.2: {@code attributeNames}, {@code attributeTypes}, {@code data} as
 * rows of strings, optional {@code errorHandling}) straight from the request bytes into a
 * {@link FrameSink} — the {@link FrameBuilder} of learn and forget, or the
 * {@link PredictionRowsBuilder} of prediction: no JSON tree, no per-row objects, and numeric cells
 * go from bytes to doubles without becoming strings, so ingestion costs parsing and little else.
 *
 * <p>Keys may come in any order. When {@code data} precedes the names or types the rows are kept
 * as text until the header is known (a slow path real clients do not take).
 */
public final class DataFrameReader {

    private DataFrameReader() {
    }

    public static ParsedFrame read(InputStream body, FrameOptions options) {
        byte[] json = bytes(body);
        return read(json, json.length, options);
    }

    static ParsedFrame read(byte[] json, int length, FrameOptions options) {
        return new Reading<>(new JsonCursor(json, length),
                (names, types, errorHandling) -> new FrameBuilder(names, types, errorHandling, options)).run();
    }

    /**
     * Reads a DataFrame of rows to predict (spec §9, DESIGN §4): the values of a model's
     * {@code inputs}, with liberal rules — see {@link PredictionRowsBuilder}.
     *
     * @param keepColumns columns whose text each row carries along (learnpredict's
     *     {@code keepColumns}); each must be a column of the DataFrame
     * @throws FrameException when the DataFrame is malformed or a cell of an input is not a
     *     number; the message names row and column
     */
    public static PredictionRows readPredictionRows(byte[] json, List<String> inputs, List<String> keepColumns) {
        return new Reading<>(new JsonCursor(json, json.length),
                (names, types, errorHandling) -> new PredictionRowsBuilder(names, types, inputs, keepColumns)).run();
    }

    private static byte[] bytes(InputStream body) {
        try {
            return body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private static final class Reading<R> {
        private final JsonCursor cursor;
        private final FrameSink.Factory<R> factory;
        private List<String> names;
        private List<String> types;
        private Integer errorHandling;
        private List<List<String>> earlyRows;
        private FrameSink<R> builder;

        Reading(JsonCursor cursor, FrameSink.Factory<R> factory) {
            this.cursor = cursor;
            this.factory = factory;
        }

        R run() {
            cursor.expect('{', "a DataFrame object");
            if (!cursor.consume('}')) {
                do {
                    cursor.readString();
                    String key = cursor.stringValue();
                    cursor.expect(':', "':' after \"" + key + "\"");
                    switch (key) {
                        case "attributeNames" -> names = readStrings(key);
                        case "attributeTypes" -> types = readStrings(key);
                        case "errorHandling" -> errorHandling = readErrorHandling();
                        case "data" -> readData();
                        default -> cursor.skipValue();
                    }
                } while (cursor.more('}'));
            }
            cursor.expectEnd();
            FrameSink<R> frame = builder();
            if (earlyRows != null) {
                for (List<String> row : earlyRows) {
                    frame.startRow();
                    row.forEach(frame::cell);
                    frame.endRow();
                }
            }
            return frame.finish();
        }

        private FrameSink<R> builder() {
            if (builder == null) {
                if (names == null) {
                    throw new FrameException("DataFrame has no attributeNames");
                }
                builder = factory.open(names, types, errorHandling == null ? 0 : errorHandling);
            }
            return builder;
        }

        private void readData() {
            cursor.expect('[', "data to be an array of rows");
            if (cursor.consume(']')) {
                return;
            }
            boolean headerKnown = names != null && types != null && earlyRows == null;
            FrameSink<R> frame = headerKnown ? builder() : null;
            if (!headerKnown && earlyRows == null) {
                earlyRows = new ArrayList<>();
            }
            do {
                cursor.expect('[', "each row of data to be an array of strings");
                List<String> early = headerKnown ? null : new ArrayList<>();
                if (headerKnown) {
                    frame.startRow();
                }
                if (!cursor.consume(']')) {
                    do {
                        if (headerKnown) {
                            readCell(frame);
                        } else {
                            early.add(cellText());
                        }
                    } while (cursor.more(']'));
                }
                if (headerKnown) {
                    frame.endRow();
                } else {
                    earlyRows.add(early);
                }
            } while (cursor.more(']'));
        }

        private void readCell(FrameSink<R> frame) {
            if (cursor.peek() == '"') {
                cursor.readString();
                if (cursor.stringEscaped()) {
                    frame.cell(cursor.stringValue());
                } else {
                    frame.cell(cursor.bytes(), cursor.stringStart(), cursor.stringEnd());
                }
            } else {
                frame.cell(literalCell());
            }
        }

        private String cellText() {
            if (cursor.peek() == '"') {
                cursor.readString();
                return cursor.stringValue();
            }
            return literalCell();
        }

        /** Cells are strings on the wire; numbers, booleans and null are tolerated as clients send them. */
        private String literalCell() {
            int next = cursor.peek();
            if (next == '[' || next == '{') {
                throw cursor.malformed("data cells must be strings");
            }
            String literal = cursor.readLiteral();
            return switch (literal == null ? "null" : literal) {
                case "null" -> null;
                case "true" -> "1";
                case "false" -> "0";
                default -> literal;
            };
        }

        private List<String> readStrings(String key) {
            if (cursor.peek() != '[') {
                throw new FrameException(key + " must be an array of strings");
            }
            cursor.expect('[', key);
            List<String> values = new ArrayList<>();
            if (!cursor.consume(']')) {
                do {
                    if (cursor.peek() != '"') {
                        throw new FrameException(key + " must be an array of strings");
                    }
                    cursor.readString();
                    values.add(cursor.stringValue());
                } while (cursor.more(']'));
            }
            return values;
        }

        private int readErrorHandling() {
            String text = cellText();
            return switch (text == null ? "" : text.trim()) {
                case "0" -> 0;
                case "1" -> 1;
                default -> throw new FrameException("errorHandling must be 0 (reject the DataFrame) or 1 (skip bad rows), not " + text);
            };
        }
    }
}
