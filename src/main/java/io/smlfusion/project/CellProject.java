package io.smlfusion.project;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import io.smlfusion.disclosure.SnapshotVersion;
import io.smlfusion.engine.stats.DataBlock;
import io.smlfusion.engine.stats.ProjectStatistics;
import io.smlfusion.engine.stats.StatisticsCodec;
import io.smlfusion.refusal.RequestRefused;

/**
 * A project that learns its own rows. A learn or forget first summarises its DataFrame into the
 * statistics of those rows alone, under the read lock (several learners summarise at once), then
 * adds or removes that summary under the write lock; readers hold the read lock, so a reader sees
 * a DataFrame completely or not at all. {@link ProjectStatistics} validates a change before it
 * changes anything, so a rejected DataFrame leaves the project exactly as it was.
 */
public final class CellProject implements Project {

    private final ProjectHeader header;
    private final String journalId;
    /** New for every object, so for every load: see {@link SnapshotVersion} on why a restart must change the ETag. */
    private final String incarnation = SnapshotVersion.newIncarnation();
    private final ProjectStatistics statistics;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong version = new AtomicLong();
    private final ProjectModels models = new ProjectModels();
    /** The statistics' memory, published after each change (and reserved before a growth) for {@link ProjectQuota}. */
    private volatile long footprintBytes;
    /** Rows learned, forgotten, merged in or reverted so far, for the export's minimum change (written under the write lock). */
    private volatile long rowsChanged;

    /** A new project: a journal id of its own, no change yet. */
    public CellProject(ProjectHeader header, ProjectStatistics statistics) {
        this(header, statistics, UUID.randomUUID().toString(), 0);
    }

    /** A project restored with its journal id, at {@code version}: the sequence of the last change it holds. */
    public CellProject(ProjectHeader header, ProjectStatistics statistics, String journalId, long version) {
        this.header = header;
        this.statistics = statistics;
        this.journalId = journalId;
        this.version.set(version);
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

    /**
     * Which state the statistics are in: consistent with them when read under the read lock (a change
     * takes the write lock and moves the version inside it).
     */
    public SnapshotVersion snapshotVersion() {
        return new SnapshotVersion(journalId, incarnation, version.get());
    }

    /**
     * Identifies this project's entries in the write-ahead journal: kept by a rename, new for a
     * project created again under an id, so entries never reach another project.
     */
    public String journalId() {
        return journalId;
    }

    /**
     * Learns the block. Its statistics are summarised under the read lock (learners summarise in
     * parallel); only adding the summary takes the write lock, and {@code whileLocked} runs inside
     * it, so it sees the changes of this project one at a time and in order. What the summary adds
     * (attributes, partitions) is checked by {@code quota} before the summary is made (it is as large
     * as the growth) and admitted again, reserving it, under the write lock before the project grows.
     */
    public <T> T learn(DataBlock block, Instant now, ProjectQuota quota, Function<StatisticsChange, T> whileLocked) {
        read(s -> {
            quota.check(this, s.footprint(), s.footprintAfterLearning(block));
            return null;
        });
        return write(StatisticsChange.Kind.ADD, summaryOf(block), now, quota, whileLocked);
    }

    /** Forgets the block; see {@link #learn}. */
    public <T> T forget(DataBlock block, Instant now, Function<StatisticsChange, T> whileLocked) {
        return write(StatisticsChange.Kind.SUBTRACT, summaryOf(block), now, null, whileLocked);
    }

    /**
     * Adds another project's statistics into this one (spec §5.3 {@code merge}); {@code other} must
     * be a copy this project may keep referring to. See {@link #learn} for {@code whileLocked}.
     */
    public <T> T mergeFrom(ProjectStatistics other, Instant now, ProjectQuota quota, Function<StatisticsChange, T> whileLocked) {
        return write(StatisticsChange.Kind.ADD, other, now, quota, whileLocked);
    }

    /**
     * How many rows every change so far learned, forgotten, merged in or reverted (since the project
     * came into memory). Read it inside {@link #read} to pair it with the statistics it describes.
     */
    public long rowsChanged() {
        return rowsChanged;
    }

    long footprintBytes() {
        return footprintBytes;
    }

    /**
     * Starts histograms — empty: they describe the rows learned from now on — or drops them
     * (spec §5.3 {@code histogramEnable}). Refused while frozen, like every change of the statistics.
     */
    public void setHistograms(boolean enabled, Instant now) {
        lock.writeLock().lock();
        try {
            if (header.frozen()) {
                throw RequestRefused.invalid("Project [" + header.pid() + "] is frozen; unfreeze it before changing its histograms");
            }
            if (enabled) {
                statistics.enableHistograms();
            } else {
                statistics.disableHistograms();
            }
            header.setHistogramEnabled(enabled, now);
        } finally {
            footprintBytes = statistics.footprint().bytes();
            lock.writeLock().unlock();
        }
    }

    /** Publishes a size admitted but not reached yet; {@link #write} publishes the real one once done. */
    void reserve(long bytes) {
        footprintBytes = bytes;
    }

    /** Undoes {@code change} (one that could not be made durable); frozen or not, nothing else is told. */
    public void revert(StatisticsChange change, Instant now) {
        lock.writeLock().lock();
        try {
            change.kind().inverse().applyTo(statistics, change.rows());
            rowsChanged += change.rows().total().count();
            version.incrementAndGet();
            header.touch(now);
        } finally {
            footprintBytes = statistics.footprint().bytes();
            lock.writeLock().unlock();
        }
    }

    private ProjectStatistics summaryOf(DataBlock block) {
        try {
            return read(s -> s.summaryOf(block));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.invalid(e.getMessage());
        }
    }

    /** @param quota admits the growth of an addition; null for a subtraction, which cannot grow the project */
    private <T> T write(StatisticsChange.Kind kind, ProjectStatistics rows, Instant now, ProjectQuota quota,
                        Function<StatisticsChange, T> whileLocked) {
        lock.writeLock().lock();
        try {
            if (header.frozen()) {
                throw RequestRefused.invalid("Project [" + header.pid() + "] is frozen; unfreeze it before learning or forgetting");
            }
            if (quota != null) {
                quota.admit(this, statistics.footprint(), statistics.footprintAfterMerging(rows));
            }
            try {
                kind.applyTo(statistics, rows);
            } catch (IllegalArgumentException e) {
                throw RequestRefused.invalid(e.getMessage());
            }
            rowsChanged += rows.total().count();
            long sequence = version.incrementAndGet();
            header.touch(now);
            return whileLocked.apply(new StatisticsChange(kind, rows, sequence, now));
        } finally {
            footprintBytes = statistics.footprint().bytes();
            lock.writeLock().unlock();
        }
    }
}
