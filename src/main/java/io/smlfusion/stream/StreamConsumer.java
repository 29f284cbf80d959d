package io.smlfusion.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.smlfusion.journal.ConsumedOffsets;
import io.smlfusion.project.ProjectService;

/**
 * The consumer loop of one running stream, on a thread of its own: poll, read the records
 * ({@link BatchReader}), learn them through {@link ProjectService#learnConsumed} — which makes the
 * offsets durable with the statistics when the project has a journal — then commit the same
 * offsets to the consumer group. A partition assigned to this consumer starts at the later of the
 * offset its project's statistics hold and the group's committed one: after a crash the first
 * wins (the group may lag the journal), after another cell of the group consumed it the second.
 * Another thread stops it ({@link #stop}): the loop ends at once (wakeup), the consumer commits
 * what was learned and leaves the group within the close timeout.
 */
final class StreamConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(StreamConsumer.class.getName());
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int API_TIMEOUT_MS = 15_000;

    private final String cid;
    private final String pid;
    private final StreamTask task;
    private final ProjectService projects;
    private final StreamSettings settings;
    private final StreamMetrics metrics;
    /** Told when the stream ended on its own (a stop asked for is not a failure); the reason is in the metrics. */
    private final Consumer<StreamConsumer> onFailure;
    private final CountDownLatch ended = new CountDownLatch(1);
    /** partition → next offset learned: touched by the consumer thread only. */
    private final Map<TopicPartition, OffsetAndMetadata> learned = new HashMap<>();
    private volatile boolean stopping;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    StreamConsumer(String cid, String pid, StreamTask task, ProjectService projects, StreamSettings settings,
                   StreamMetrics metrics, Consumer<StreamConsumer> onFailure) {
        this.cid = cid;
        this.pid = pid;
        this.task = task;
        this.projects = projects;
        this.settings = settings;
        this.metrics = metrics;
        this.onFailure = onFailure;
    }

    @Override
    public void run() {
        String failure = null;
        KafkaConsumer<byte[], byte[]> kafka = null;
        try {
            BatchReader reader = new BatchReader(task, projects.frameOptions(projects.streamed(cid, pid)), settings.maxRecordBytes());
            kafka = new KafkaConsumer<>(properties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer = kafka;
            kafka.subscribe(List.of(task.topic()), new Rebalance(kafka));
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> records = kafka.poll(POLL);
                if (!records.isEmpty()) {
                    failure = learn(kafka, records, reader);
                }
                metrics.lag(lag(kafka));
                if (failure != null) {
                    break;
                }
            }
        } catch (WakeupException e) {
            // stop() woke the poll up
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            LOG.log(Level.WARNING, "Stream [" + task.streamId() + "] of project [" + pid + "] of customer [" + cid + "] failed", e);
        } finally {
            close(kafka);
            if (failure != null) {
                metrics.failed(failure);
                onFailure.accept(this);
            }
            ended.countDown();
        }
    }

    /** Ends the loop without waiting for it: see {@link #awaitEnd}. */
    void requestStop() {
        stopping = true;
        KafkaConsumer<byte[], byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
    }

    /** Waits, at most the close timeout and a little more, for the consumer to commit and leave the group. */
    void awaitEnd() {
        try {
            if (!ended.await(settings.closeTimeout().plus(POLL).toMillis() + API_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                LOG.warning("Stream [" + task.streamId() + "] of project [" + pid + "] did not stop in time; its thread ends on its own");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return why the stream stops (a bad record under {@link ErrorHandling#STOP}), or null to go on */
    private String learn(KafkaConsumer<byte[], byte[]> kafka, ConsumerRecords<byte[], byte[]> records, BatchReader reader) {
        List<ConsumedRecord> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            batch.add(new ConsumedRecord(record.partition(), record.offset(), record.value()));
        }
        BatchReader.Outcome outcome = reader.read(batch);
        for (BatchReader.Rejected rejected : outcome.rejected()) {
            metrics.rejected(rejected.record(), rejected.reason(), rejected != outcome.stoppedAt());
        }
        int consumedRecords = outcome.stoppedAt() == null ? batch.size() : batch.indexOf(outcome.stoppedAt().record());
        long rows = 0;
        long skippedRows = outcome.rejected().size() - (outcome.stoppedAt() == null ? 0 : 1);
        for (BatchReader.Learnable learnable : outcome.learnables()) {
            projects.learnConsumed(cid, pid, learnable.frame(), new ConsumedOffsets(task.streamId(), learnable.nextOffsets()));
            if (learnable.frame() != null) {
                rows += learnable.frame().block().rowCount();
                skippedRows += learnable.frame().rowsSkipped();
            }
            learnable.nextOffsets().forEach((partition, next) ->
                    learned.put(new TopicPartition(task.topic(), partition), new OffsetAndMetadata(next)));
        }
        metrics.consumed(consumedRecords, rows, skippedRows);
        if (!learned.isEmpty()) {
            kafka.commitSync(Map.copyOf(learned));
        }
        BatchReader.Rejected stop = outcome.stoppedAt();
        return stop == null ? null : "stopped before the record at partition " + stop.record().partition() + " offset "
                + stop.record().offset() + " (errorHandling stop): " + stop.reason();
    }

    private Map<String, Long> lag(KafkaConsumer<byte[], byte[]> kafka) {
        Map<String, Long> lag = new HashMap<>();
        for (TopicPartition partition : kafka.assignment()) {
            OptionalLong behind = kafka.currentLag(partition);
            if (behind.isPresent()) {
                lag.put(partition.toString(), behind.getAsLong());
            }
        }
        return lag;
    }

    private void close(KafkaConsumer<byte[], byte[]> kafka) {
        if (kafka == null) {
            return;
        }
        try {
            if (!learned.isEmpty()) {
                kafka.commitSync(Map.copyOf(learned), settings.closeTimeout());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Stream [" + task.streamId() + "]: the final commit failed; its project's offsets still hold", e);
        }
        try {
            kafka.close(CloseOptions.timeout(settings.closeTimeout()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Stream [" + task.streamId() + "]: closing the consumer failed", e);
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.putAll(task.clientSecurity());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, task.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, task.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "sml-fusion-" + cid + "-" + pid + "-" + task.streamId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, task.startFrom());
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(task.maxPollRecords()));
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Integer.toString(task.sessionTimeoutMs()));
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Integer.toString(task.sessionTimeoutMs() / 3));
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(Math.min(settings.maxRecordBytes(), settings.fetchMaxBytes())));
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(settings.fetchMaxBytes()));
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(API_TIMEOUT_MS));
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(API_TIMEOUT_MS));
        return properties;
    }

    /** Starts assigned partitions where the project's statistics or the group got to; commits revoked ones. */
    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<byte[], byte[]> kafka;

        Rebalance(KafkaConsumer<byte[], byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<Integer, Long> stored = projects.consumedOffsets(cid, pid, task.streamId());
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata groupOffset = committed.get(partition);
                long start = Math.max(stored.getOrDefault(partition.partition(), -1L), groupOffset == null ? -1L : groupOffset.offset());
                if (start >= 0) {
                    kafka.seek(partition, start);
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = learned.remove(partition);
                if (offset != null) {
                    revoked.put(partition, offset);
                }
            }
            if (!revoked.isEmpty()) {
                kafka.commitSync(revoked);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(learned::remove);
        }
    }
}
