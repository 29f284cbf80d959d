package io.smlfusion.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The stream ITs' side of the broker: topics, records, and what a consumer group looks like. */
public final class StreamTopics implements AutoCloseable {

    private final String bootstrap;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;

    /** The build's broker ({@link KafkaBroker}). */
    StreamTopics() {
        this(KafkaBroker.bootstrapServers());
    }

    public StreamTopics(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(properties);
        Properties producing = new Properties();
        producing.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producing.put(ProducerConfig.ACKS_CONFIG, "all");
        producing.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // a record the broker keeps refusing fails the test within half a minute instead of being retried for two
        producing.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        producing.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        producer = new KafkaProducer<>(producing, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public String bootstrap() {
        return bootstrap;
    }

    /**
     * Creates the topic and waits until the broker serves a leader for each of its partitions: a
     * produce to a partition the broker does not know yet fails, and the idempotent producer's retry
     * of it can then loop on an out-of-order sequence number.
     */
    public void create(String topic, int partitions) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            if (description.partitions().size() == partitions && description.partitions().stream().allMatch(p -> p.leader() != null)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + topic + " has no leader for every partition after 30 s: " + description);
            }
            Thread.sleep(50);
        }
    }

    /** Sends records {@code from} to {@code to} - 1, record i to partition i mod {@code partitions}, and waits for every ack. */
    public void send(String topic, int partitions, int from, int to, IntFunction<String> record) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (int i = from; i < to; i++) {
            acks.add(producer.send(new ProducerRecord<>(topic, i % partitions, null, record.apply(i).getBytes(StandardCharsets.UTF_8))));
        }
        producer.flush();
        awaitAcks(topic, acks);
    }

    /** Sends one record to {@code partition} and waits for its ack. */
    public void sendBytes(String topic, int partition, byte[] value) {
        Future<RecordMetadata> ack = producer.send(new ProducerRecord<>(topic, partition, null, value));
        producer.flush();
        awaitAcks(topic, List.of(ack));
    }

    private static void awaitAcks(String topic, List<Future<RecordMetadata>> acks) {
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("a record to " + topic + " was not acknowledged", e);
            }
        }
    }

    /** Waits until the group has {@code members} members and every one has partitions. */
    public void awaitGroup(String group, int members) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String seen = "";
        while (Instant.now().isBefore(deadline)) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
            ConsumerGroupDescription description = groups.get(group);
            seen = description.members().toString();
            if (description.members().size() == members
                    && description.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("group " + group + " did not reach " + members + " members with partitions: " + seen);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }
}
