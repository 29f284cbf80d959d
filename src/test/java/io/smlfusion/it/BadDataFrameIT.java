package io.smlfusion.it;

import static io.smlfusion.it.CsvDataFrames.dataFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smlfusion.it.SignedClient.Reply;

/** Every malformed DataFrame is a 400 naming the problem, and the project stays exactly as it was. */
class BadDataFrameIT {

    private final SignedClient client = SignedClient.bootstrap();
    private final String pid = "bad" + System.nanoTime();
    private String before;

    @BeforeEach
    void projectWithData() {
        assertEquals(201, client.post("projects?pid=" + pid, "{}").status());
        assertEquals(200, client.post("projects/" + pid + "/learn", dataFrame("housing-fed3/housing1.csv")).status());
        before = client.get("projects/" + pid + "/export").values().getString("string");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON|{\"attributeNames\":[\"CRIM\"|Malformed",
        "ragged row|{\"attributeNames\":[\"CRIM\",\"ZN\"],\"attributeTypes\":[\"C\",\"C\"],\"data\":[[\"1\",\"2\"],[\"3\"]]}|row 2 has 1 cells",
        "unknown type code|{\"attributeNames\":[\"CRIM\"],\"attributeTypes\":[\"Q\"],\"data\":[[\"1\"]]}|unknown type code 'Q'",
        "encoder type|{\"attributeNames\":[\"CRIM\"],\"attributeTypes\":[\"S\"],\"data\":[[\"a\"]]}|encoders are not supported",
        "non-numeric C|{\"attributeNames\":[\"CRIM\",\"ZN\"],\"attributeTypes\":[\"C\",\"C\"],\"data\":[[\"1\",\"2\"],[\"x\",\"2\"]]}|row 2, column 'CRIM': value 'x' is not a number",
        "non-binary B|{\"attributeNames\":[\"CHAS\"],\"attributeTypes\":[\"B\"],\"data\":[[\"2\"]]}|is not 0 or 1",
        "empty DataFrame|{\"attributeNames\":[\"CRIM\"],\"attributeTypes\":[\"C\"],\"data\":[]}|no rows",
        "duplicate names|{\"attributeNames\":[\"CRIM\",\"CRIM\"],\"attributeTypes\":[\"C\",\"C\"],\"data\":[[\"1\",\"2\"]]}|Duplicate attribute name 'CRIM'",
        "type change|{\"attributeNames\":[\"CRIM\"],\"attributeTypes\":[\"B\"],\"data\":[[\"1\"]]}|CRIM",
        "names and types differ|{\"attributeNames\":[\"CRIM\",\"ZN\"],\"attributeTypes\":[\"C\"],\"data\":[[\"1\",\"2\"]]}|2 attributeNames but 1 attributeTypes",
    })
    void rejectedAndNothingChanges(String problem, String body, String expectedMessage) {
        Reply reply = client.post("projects/" + pid + "/learn", body);
        assertEquals(400, reply.status(), () -> problem + ": " + reply);
        assertTrue(reply.statusString().contains(expectedMessage), () -> problem + ": " + reply.statusString());
        assertEquals(before, client.get("projects/" + pid + "/export").values().getString("string"), problem);
    }

    @Test
    void errorHandlingOneSkipsBadRows() {
        String body = "{\"attributeNames\":[\"CRIM\",\"ZN\"],\"attributeTypes\":[\"C\",\"C\"],\"errorHandling\":1,"
                + "\"data\":[[\"1\",\"2\"],[\"x\",\"2\"],[\"3\",\"4\"]]}";
        Reply reply = client.post("projects/" + pid + "/learn", body);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(2, reply.values().getInt("rowsApplied"));
        assertEquals(1, reply.values().getInt("rowsSkipped"));
        assertTrue(reply.values().getString("firstSkipReason").contains("row 2"), reply::toString);
    }

    @Test
    void forgettingMoreThanLearnedIsRefused() {
        String twice = dataFrame("housing-fed3/housing1.csv");
        assertEquals(200, client.post("projects/" + pid + "/forget", twice).status());
        Reply reply = client.post("projects/" + pid + "/forget", twice);
        assertEquals(400, reply.status(), reply::toString);
    }
}
