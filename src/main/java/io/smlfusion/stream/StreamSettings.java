package io.smlfusion.stream;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smlfusion.project.ProjectLimits;

/** The server's bounds on Kafka streams ({@code smlfusion.stream.*}, docs/operations.md). */
@ApplicationScoped
public class StreamSettings {

    @Inject
    @ConfigProperty(name = "smlfusion.stream.max.per.server", defaultValue = "16")
    int maxPerServer;

    @Inject
    @ConfigProperty(name = "smlfusion.stream.max.poll.records", defaultValue = "5000")
    int maxPollRecords;

    @Inject
    @ConfigProperty(name = "smlfusion.stream.max.record.bytes", defaultValue = "1048576")
    int maxRecordBytes;

    @Inject
    @ConfigProperty(name = "smlfusion.stream.fetch.max.bytes", defaultValue = "16777216")
    int fetchMaxBytes;

    @Inject
    @ConfigProperty(name = "smlfusion.stream.error.log.size", defaultValue = "100")
    int errorLogSize;

    @Inject
    @ConfigProperty(name = "smlfusion.stream.close.timeout.ms", defaultValue = "10000")
    long closeTimeoutMs;

    @Inject
    @ConfigProperty(name = "smlfusion.stream.bootstrap.allow")
    Optional<String> bootstrapAllow;

    @Inject
    ProjectLimits projectLimits;

    int maxPerServer() {
        return maxPerServer;
    }

    int maxRecordBytes() {
        return maxRecordBytes;
    }

    int fetchMaxBytes() {
        return fetchMaxBytes;
    }

    int errorLogSize() {
        return errorLogSize;
    }

    Duration closeTimeout() {
        return Duration.ofMillis(closeTimeoutMs);
    }

    StreamTask.Bounds taskBounds() {
        try {
            return new StreamTask.Bounds(projectLimits.maxAttributes(), maxPollRecords, Pattern.compile(bootstrapAllow.orElse("")));
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("smlfusion.stream.bootstrap.allow is not a regular expression: " + e.getDescription(), e);
        }
    }
}
