package io.smlfusion.json;

import java.io.OutputStream;
import java.io.Reader;
import java.util.Collection;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;

/**
 * The factories of {@code jakarta.json.Json}, over one provider looked up once. {@code Json}'s own
 * static methods look the provider up again at every call ({@code JsonProvider.provider()}: a
 * {@code ServiceLoader} scan of the class loaders); on Liberty that scan was about a third of the CPU
 * of a fused {@code info} and the largest part of writing a fused answer's audit record (JFR,
 * docs/performance.md "Profiling a refresh"). A provider is thread-safe (JSON-P 2.1,
 * {@code JsonProvider}), so one serves every thread.
 */
public final class JsonFactory {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonFactory() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonParser createParser(Reader reader) {
        return PROVIDER.createParser(reader);
    }

    public static JsonGenerator createGenerator(OutputStream out) {
        return PROVIDER.createGenerator(out);
    }
}
