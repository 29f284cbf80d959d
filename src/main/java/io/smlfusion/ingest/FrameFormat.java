package io.smlfusion.ingest;

import java.util.List;

/**
 * How a request's rows are encoded: the DataFrame JSON of the API (spec §4.2), or an Apache Arrow
 * IPC stream. Both read into the same rows; only the decoding differs.
 */
public enum FrameFormat {
    JSON {
        @Override
        public ParsedFrame read(byte[] body, FrameOptions options) {
            return DataFrameReader.read(body, body.length, options);
        }

        @Override
        public PredictionRows readPredictionRows(byte[] body, List<String> inputs, List<String> keepColumns) {
            return DataFrameReader.readPredictionRows(body, inputs, keepColumns);
        }
    },
    ARROW {
        @Override
        public ParsedFrame read(byte[] body, FrameOptions options) {
            return ArrowFrameReader.read(body, options);
        }

        @Override
        public PredictionRows readPredictionRows(byte[] body, List<String> inputs, List<String> keepColumns) {
            return ArrowFrameReader.readPredictionRows(body, inputs, keepColumns);
        }
    };

    /** Arrow for {@value ArrowFrameReader#MEDIA_TYPE}, JSON for anything else (clients often send no type). */
    public static FrameFormat ofMediaType(String mediaType) {
        return mediaType != null && mediaType.toLowerCase(java.util.Locale.ROOT).startsWith(ArrowFrameReader.MEDIA_TYPE) ? ARROW : JSON;
    }

    /** Learn and forget. */
    public abstract ParsedFrame read(byte[] body, FrameOptions options);

    /** Predict and learnpredict. */
    public abstract PredictionRows readPredictionRows(byte[] body, List<String> inputs, List<String> keepColumns);
}
