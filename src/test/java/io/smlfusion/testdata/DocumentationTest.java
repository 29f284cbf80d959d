package io.smlfusion.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.smlfusion.security.RequestSigner;
import io.smlfusion.security.SignedRequest;

/**
 * The repository's documents stay true: the worked signing example of docs/api.md is what the
 * project's own signer computes, every relative link of the README and docs/ reaches a file of the
 * repository, none of them points outside it, and the example data the README uses is inside it.
 */
class DocumentationTest {

    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");
    private static final Path API = DOCS.resolve("api.md");

    /** The worked example of docs/api.md, "Signing a request". */
    private static final String SECRET = "3dI3athKnxU6zwzEVomoyg==";
    private static final String DATE = "2026-03-14 09:26:53;589793000";

    @Test
    void theWorkedSigningExampleIsWhatTheSignerComputes() throws IOException {
        RequestSigner signer = new RequestSigner("c1", SECRET, Clock.systemUTC());
        SignedRequest signed = signer.sign("POST", "/symetry/rest/c1/projects", "pid=houses",
                "{}".getBytes(StandardCharsets.UTF_8), DATE);
        assertEquals("mZFLkyvTelC5g8XnyQrpOw==", signed.contentMd5());
        assertEquals("UW/z+6ZngoHhWIBeuHBs8QxdNF3X2+FBONrBaXeVZGM=", signed.authorization());
        String api = Files.readString(API);
        String stringToSign = signed.maskedStringToSign().replace("SECRETKEY", SECRET);
        assertTrue(api.contains("```\n" + stringToSign + "```"), "docs/api.md shows the string to sign:\n" + stringToSign);
        for (var header : signed.headers().entrySet()) {
            assertTrue(api.contains(header.getKey() + ": " + header.getValue()), "docs/api.md shows " + header);
        }

        SignedRequest get = signer.sign("GET", "/symetry/rest/c1/projects/list", null, null, DATE);
        assertEquals("AO0KKBFbRn1n8RnXiA4P3ccVbzJZeReRpn145FoiqgE=", get.authorization());
        assertTrue(api.contains("Authorization: " + get.authorization()), "docs/api.md shows the GET signature");
    }

    @Test
    void everyRelativeLinkOfTheDocumentsReachesAFileOfTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        for (Path document : documents()) {
            Matcher m = link.matcher(Files.readString(document));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                Path resolved = document.toAbsolutePath().getParent().resolve(target).normalize();
                if (!resolved.startsWith(Path.of("").toAbsolutePath()) || !Files.exists(resolved)) {
                    broken.add(document + " → " + target);
                }
            }
        }
        assertEquals(List.of(), broken, "links to files that a clone does not have");
    }

    @Test
    void noDocumentSendsTheReaderOutsideTheRepository() throws IOException {
        for (Path document : documents()) {
            assertTrue(!Files.readString(document).contains("../shared"), document + " names a path outside the repository");
        }
    }

    @Test
    void theExampleDataIsInTheRepositoryAndTheTestsReadIt() throws IOException {
        Path iris = ReferenceCsv.locate("iris", "iris.csv");
        assertEquals(Path.of("examples", "data", "iris", "iris.csv"), iris);
        for (String cell : List.of("housing1.csv", "housing2.csv", "housing3.csv", "housing_test.csv")) {
            assertEquals(ReferenceCsv.IN_REPOSITORY.resolve("housing-fed3").resolve(cell), ReferenceCsv.locate("housing-fed3", cell));
        }
        assertEquals(150, ReferenceCsv.read("iris", "iris.csv").rows().size());
        int housingRows = Stream.of("housing1.csv", "housing2.csv", "housing3.csv")
                .mapToInt(file -> ReferenceCsv.read("housing-fed3", file).rows().size()).sum();
        assertEquals(406, housingRows);
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(README, ReferenceCsv.IN_REPOSITORY.resolve("README.md")));
        try (Stream<Path> files = Files.list(DOCS)) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        assertTrue(documents.size() >= 6, "README, examples/data/README.md and the four documents of docs/");
        return documents;
    }
}
