package io.smlfusion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import io.smlfusion.it.SignedClient.Reply;
import io.smlfusion.security.BodyEncryption;

/** The Streams endpoints as a SymetryML client calls them: the TaskInfo encrypted with the caller's key. */
public final class StreamCalls {

    private final SignedClient client;
    private final String secret;

    public StreamCalls(SignedClient client, String secret) {
        this.client = client;
        this.secret = secret;
    }

    /** A TaskInfo of a JSON-object stream of the attributes x and y (both numbers), with extra params. */
    public static JsonObjectBuilder jsonXy(String sid, String bootstrap, String topic, String group) {
        return Json.createObjectBuilder().add("type", "kafka").add("name", sid).add("params", Json.createObjectBuilder()
                .add("bootstrapServers", bootstrap).add("topic", topic).add("groupId", group).add("format", "json")
                .add("attributeNames", Json.createArrayBuilder().add("x").add("y"))
                .add("attributeTypes", Json.createArrayBuilder().add("C").add("C")));
    }

    public Reply create(String pid, String taskJson) {
        return client.post("projects/" + pid + "/streams/create", BodyEncryption.AES_CBC.codec().encrypt(secret, taskJson));
    }

    public void start(String pid, String sid) {
        Reply reply = client.get("projects/" + pid + "/streams/" + sid + "/start");
        assertEquals(200, reply.status(), reply::toString);
    }

    public void stop(String pid, String sid) {
        Reply reply = client.get("projects/" + pid + "/streams/" + sid + "/stop");
        assertEquals(200, reply.status(), reply::toString);
    }

    public JsonObject metrics(String pid, String sid) {
        Reply reply = client.get("projects/" + pid + "/streams/" + sid + "/metrics");
        assertEquals(200, reply.status(), reply::toString);
        return reply.values().getJsonObject("metrics");
    }

    public JsonArray errorLog(String pid, String sid) {
        Reply reply = client.get("projects/" + pid + "/streams/" + sid + "/errorLog");
        assertEquals(200, reply.status(), reply::toString);
        return reply.values().getJsonArray("errorLog");
    }

    public long rowCount(String pid) {
        Reply reply = client.get("projects/" + pid + "/info");
        assertEquals(200, reply.status(), reply::toString);
        return reply.values().getJsonObject("smlInfo").getJsonNumber("rowCount").longValue();
    }

    /** Waits (at most {@code seconds}) until the stream's metrics satisfy {@code done}; returns them. */
    public JsonObject awaitMetrics(String pid, String sid, int seconds, Predicate<JsonObject> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        JsonObject metrics = metrics(pid, sid);
        while (!done.test(metrics) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            metrics = metrics(pid, sid);
        }
        return metrics;
    }
}
