package io.smlfusion.project;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

import io.smlfusion.api.ApiException;
import io.smlfusion.modelling.ProjectModels;
import io.smlfusion.stats.DataBlock;
import io.smlfusion.stats.ProjectStatistics;

/**
 * A project that learns its own rows. Writers (learn, forget, merge) hold the write lock for the
 * whole DataFrame, readers the read lock, so a reader sees a DataFrame completely or not at all.
 * {@link ProjectStatistics} validates a block before it changes anything, so a rejected DataFrame
 * leaves the project exactly as it was.
 */
public final class CellProject implements Project {

    private final ProjectHeader header;
    private final ProjectStatistics statistics;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong version = new AtomicLong();
    private final ProjectModels models = new ProjectModels();
    /** The statistics' memory, published after each change (and reserved before a growth) for {@link ProjectQuota}. */
    private volatile long footprintBytes;

    public CellProject(ProjectHeader header, ProjectStatistics statistics) {
        this.header = header;
        this.statistics = statistics;
        this.footprintBytes = statistics.footprint().bytes();
    }

    @Override
    public ProjectHeader header() {
        return header;
    }

    @Override
    public <T> T read(Function<ProjectStatistics, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(statistics);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long version() {
        return version.get();
    }

    @Override
    public ProjectModels models() {
        return models;
    }

    /** Learns the block once {@code quota} admitted what it adds (attributes, partitions). */
    public void learn(DataBlock block, Instant now, ProjectQuota quota) {
        write(s -> {
            quota.admit(this, s.footprint(), s.footprintAfterLearning(block));
            s.learn(block);
        }, now);
    }

    public void forget(DataBlock block, Instant now) {
        write(s -> s.forget(block), now);
    }

    /** Adds another project's statistics into this one (spec §5.3 {@code merge}); {@code other} is only read. */
    public void mergeFrom(ProjectStatistics other, Instant now, ProjectQuota quota) {
        write(s -> {
            quota.admit(this, s.footprint(), s.footprintAfterMerging(other));
            s.merge(other);
        }, now);
    }

    long footprintBytes() {
        return footprintBytes;
    }

    /** Publishes a size admitted but not reached yet; {@link #write} publishes the real one once done. */
    void reserve(long bytes) {
        footprintBytes = bytes;
    }

    private void write(Consumer<ProjectStatistics> change, Instant now) {
        lock.writeLock().lock();
        try {
            if (header.frozen()) {
                throw ApiException.badRequest("Project [" + header.pid() + "] is frozen; unfreeze it before learning or forgetting");
            }
            try {
                change.accept(statistics);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            version.incrementAndGet();
            header.touch(now);
        } finally {
            footprintBytes = statistics.footprint().bytes();
            lock.writeLock().unlock();
        }
    }
}
