package io.smlfusion.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md, checked on the sources: the pure engine imports no
 * EE or web type and nothing of the layers above it; outside {@code api} only the transport
 * adapters named here know JAX-RS (services refuse requests with {@code refusal.RequestRefused});
 * a project owns its models and reaches their storage through {@code project.ModelStorage}, which
 * modelling implements, and its export's differential privacy through {@code project.ExportMechanism},
 * which privacy implements, so each dependency runs one way.
 */
class LayersTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "smlfusion");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    /** Filter-side JAX-RS: the request filters. */
    private static final Set<String> JAX_RS_ADAPTERS = Set.of("fusion/RequestedEncryptionFilter.java",
            "security/SignatureFilter.java");

    @Test
    void theEngineImportsNoEeTypeAndNothingAboveIt() throws IOException {
        List<String> offences = offences(SOURCES.resolve("engine"), imported -> imported.startsWith("jakarta.")
                || imported.startsWith("org.eclipse.microprofile.")
                || imported.startsWith("io.smlfusion.") && !imported.startsWith("io.smlfusion.engine."));
        assertEquals(List.of(), offences);
    }

    @Test
    void onlyTheApiAndTheTransportAdaptersKnowJaxRs() throws IOException {
        List<String> offences = offences(SOURCES, imported -> imported.startsWith("jakarta.ws.rs")).stream()
                .filter(offence -> !offence.startsWith("api/"))
                .filter(offence -> JAX_RS_ADAPTERS.stream().noneMatch(offence::startsWith))
                .toList();
        assertEquals(List.of(), offences);
    }

    @Test
    void onlyTheSocketAdapterKnowsWebSocket() throws IOException {
        List<String> offences = offences(SOURCES, imported -> imported.startsWith("jakarta.websocket")).stream()
                .filter(offence -> !offence.startsWith("api/socket/"))
                .toList();
        assertEquals(List.of(), offences);
    }

    @Test
    void theProjectLayerOwnsItsModelsAndDependsOnNoModellingService() throws IOException {
        assertEquals(List.of(), offences(SOURCES.resolve("project"), imported -> imported.startsWith("io.smlfusion.modelling.")));
    }

    @Test
    void theProjectLayerReachesPrivacyOnlyThroughItsExportMechanism() throws IOException {
        assertEquals(List.of(), offences(SOURCES.resolve("project"), imported -> imported.startsWith("io.smlfusion.privacy.")));
    }

    private interface Rule {
        boolean forbids(String imported);
    }

    /** {@code file: import} for every forbidden import below {@code root}, the file relative to the sources. */
    private static List<String> offences(Path root, Rule rule) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).flatMap(file -> {
                try {
                    String source = Files.readString(file);
                    Matcher imports = IMPORT.matcher(source);
                    Stream.Builder<String> found = Stream.builder();
                    while (imports.find()) {
                        if (rule.forbids(imports.group(1))) {
                            found.add(SOURCES.relativize(file).toString().replace('\\', '/') + ": " + imports.group(1));
                        }
                    }
                    return found.build();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
        }
    }
}
