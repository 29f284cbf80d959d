package io.smlfusion.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The single-node KRaft Kafka broker of the stream ITs, in a JVM of its own: started by the build
 * (exec-maven-plugin, async, pre-integration-test) and ended with it. It writes its bootstrap
 * address to a file once it is ready; the ITs read it ({@link #bootstrapServers}) and hand it to the
 * servers in the TaskInfo of each stream, so the servers need no configuration for it.
 *
 * <p>Arguments: the address file, the broker's base directory (under target/, so nothing is left in
 * the system's temporary directory).
 */
public final class KafkaBroker {

    /** Set by the failsafe configuration. */
    private static final Path ADDRESS_FILE = Path.of(System.getProperty("it.kafka.bootstrap.file", "target/kafka-bootstrap.txt"));

    private KafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        Path addressFile = Path.of(args[0]);
        Files.deleteIfExists(addressFile);
        KafkaClusterTestKit cluster = start(Path.of(args[1]));
        Path written = Files.writeString(addressFile.resolveSibling(addressFile.getFileName() + ".tmp"), cluster.bootstrapServers());
        Files.move(written, addressFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Kafka broker for the stream ITs ready at " + cluster.bootstrapServers());
        Thread.currentThread().join();
    }

    /** A ready single-node KRaft broker with its files under {@code baseDirectory}, closed when the JVM ends. */
    public static KafkaClusterTestKit start(Path baseDirectory) throws Exception {
        Files.createDirectories(baseDirectory);
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBaseDirectory(Files.createTempDirectory(baseDirectory, "kraft")).build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } catch (Exception e) {
                // the build is ending; the directory is under target/
            }
        }));
        return cluster;
    }

    /** The address the broker wrote, waiting for it while the broker starts beside the servers. */
    static String bootstrapServers() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Files.exists(ADDRESS_FILE)) {
                    return Files.readString(ADDRESS_FILE).trim();
                }
                Thread.sleep(250);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read " + ADDRESS_FILE, e);
            }
        }
        throw new IllegalStateException("the Kafka broker of the stream ITs wrote no address to " + ADDRESS_FILE + " within 2 minutes");
    }
}
