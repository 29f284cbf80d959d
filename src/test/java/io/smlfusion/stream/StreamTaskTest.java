package io.smlfusion.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.smlfusion.refusal.RequestRefused;

class StreamTaskTest {

    private static final StreamTask.Bounds BOUNDS = new StreamTask.Bounds(3, 1000, Pattern.compile("(kafka|localhost):[0-9]+"));

    private static String task(String params) {
        return "{\"type\":\"kafka\",\"name\":\"s1\",\"params\":{\"bootstrapServers\":\"kafka:9092, localhost:9093\","
                + "\"topic\":\"rows\",\"groupId\":\"cells\"" + params + "}}";
    }

    private static final String XY = ",\"attributeNames\":[\"x\",\"y\"],\"attributeTypes\":\"C, T\"";

    @Test
    void aCompleteTaskInfoIsReadWithItsDefaults() {
        StreamTask task = StreamTask.parse(task(XY + ",\"security.protocol\":\"SASL_SSL\",\"sasl.mechanism\":\"PLAIN\""), BOUNDS);
        assertEquals("s1", task.streamId());
        assertEquals("kafka:9092,localhost:9093", task.bootstrapServers());
        assertEquals(RecordFormat.JSON_OBJECT, task.format());
        assertEquals(List.of("x", "y"), task.attributeNames());
        assertEquals(List.of("C", "T"), task.attributeTypes());
        assertEquals(ErrorHandling.STOP, task.errorHandling());
        assertEquals(500, task.maxPollRecords());
        assertEquals("earliest", task.startFrom());
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"), task.clientSecurity());
        assertTrue(task.description().values().stream().noneMatch(v -> v.toString().contains("SASL")),
                "the description shows a security setting");
    }

    @Test
    void anArrowStreamTakesItsAttributesFromItsRecords() {
        StreamTask task = StreamTask.parse(task(",\"format\":\"arrow\",\"errorHandling\":1"), BOUNDS);
        assertEquals(RecordFormat.ARROW, task.format());
        assertEquals(ErrorHandling.SKIP, task.errorHandling());
        assertRefused(task(",\"format\":\"arrow\"" + XY), "drop attributeNames");
    }

    @Test
    void everyFaultIsRefusedByName() {
        assertRefused("[1]", "not a JSON object");
        assertRefused(task(XY).replace("\"kafka\",\"name\"", "\"mqtt\",\"name\""), "type must be \"kafka\"");
        assertRefused(task(XY).replace("\"s1\"", "\"list/../x\""), "stream id");
        assertRefused(task(XY + ",\"group.id\":\"x\""), "unknown key [group.id]");
        assertRefused(task(XY + ",\"ssl.engine.factory.class\":\"x.Y\""), "names a class");
        assertRefused(task(XY + ",\"security.protocol\":\"KERBEROS\""), "security.protocol must be one of");
        assertRefused(task(XY + ",\"sasl.jaas.config\":\"" + "a".repeat(StreamTask.MAX_SECURITY_VALUE_CHARS + 1) + "\""),
                "at most 16384 characters");
        assertRefused(task(XY).replace("kafka:9092", "evil:9092"), "not allowed by this server");
        assertRefused(task(XY).replace("kafka:9092", "kafka"), "is not host:port");
        assertRefused(task(XY).replace("\"rows\"", "\"a b\""), "not a Kafka topic name");
        assertRefused(task(XY).replace("\"cells\"", "\"\""), "lacks groupId");
        assertRefused(task(""), "attributeNames is required");
        assertRefused(task(",\"attributeNames\":[\"x\"],\"attributeTypes\":[\"C\",\"C\"]"), "1 names but attributeTypes has 2");
        assertRefused(task(",\"attributeNames\":[\"x\",\"x\"],\"attributeTypes\":[\"C\",\"C\"]"), "a name twice");
        assertRefused(task(",\"attributeNames\":[\"a\",\"b\",\"c\",\"d\"],\"attributeTypes\":\"C,C,C,C\""), "at most 3");
        assertRefused(task(",\"attributeNames\":[\"x\"],\"attributeTypes\":[\"S\"]"), "attributeTypes[0] [S]");
        assertRefused(task(XY + ",\"format\":\"xml\""), "format [xml] is not one of [json, jsonArray, csv, arrow]");
        assertRefused(task(XY + ",\"errorHandling\":\"retry\""), "errorHandling [retry]");
        assertRefused(task(XY + ",\"maxPollRecords\":1001"), "from 1 to 1000 (smlfusion.stream.max.poll.records)");
        assertRefused(task(XY + ",\"sessionTimeoutMs\":1000"), "sessionTimeoutMs must be an integer from 6000");
        assertRefused(task(XY + ",\"startFrom\":\"middle\""), "startFrom [middle]");
    }

    @Test
    void aServerWhoseOperatorNamedNoBrokersTakesNoStream() {
        StreamTask.Bounds denyAll = new StreamTask.Bounds(3, 1000, Pattern.compile(""));
        RequestRefused refused = assertThrows(RequestRefused.class, () -> StreamTask.parse(task(XY), denyAll));
        assertEquals(RequestRefused.Reason.INVALID, refused.reason());
        assertTrue(refused.getMessage().contains("smlfusion.stream.bootstrap.allow"), refused.getMessage());
    }

    private static void assertRefused(String json, String named) {
        RequestRefused refused = assertThrows(RequestRefused.class, () -> StreamTask.parse(json, BOUNDS));
        assertEquals(RequestRefused.Reason.INVALID, refused.reason());
        assertTrue(refused.getMessage().contains(named), refused.getMessage());
    }
}
