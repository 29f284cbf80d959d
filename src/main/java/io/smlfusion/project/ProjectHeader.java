package io.smlfusion.project;

import java.time.Instant;
import java.util.Map;

/**
 * The mutable identity of a project: its id (which rename changes), settings, dates and the freeze
 * flag. Shared by every kind of {@link Project}.
 */
public final class ProjectHeader {

    private final String cid;
    private volatile String pid;
    private volatile ProjectSettings settings;
    private final Instant created;
    private volatile Instant lastModified;
    private volatile boolean frozen;

    public ProjectHeader(String cid, String pid, ProjectSettings settings, Instant created, Instant lastModified, boolean frozen) {
        this.cid = cid;
        this.pid = pid;
        this.settings = settings;
        this.created = created;
        this.lastModified = lastModified;
        this.frozen = frozen;
    }

    public String cid() {
        return cid;
    }

    public String pid() {
        return pid;
    }

    public ProjectSettings settings() {
        return settings;
    }

    public Instant created() {
        return created;
    }

    public Instant lastModified() {
        return lastModified;
    }

    public boolean frozen() {
        return frozen;
    }

    void rename(String newPid, Instant now) {
        this.pid = newPid;
        this.lastModified = now;
    }

    void setFrozen(boolean frozen, Instant now) {
        this.frozen = frozen;
        this.lastModified = now;
    }

    synchronized void setHistogramEnabled(boolean enabled, Instant now) {
        this.settings = settings.withHistogramEnabled(enabled);
        this.lastModified = now;
    }

    synchronized void setPersisted(boolean persisted) {
        this.settings = settings.withPersisted(persisted);
    }

    /** Puts {@code changes} into the settings' options; one change at a time, so none is lost. */
    synchronized void putOptions(Map<String, String> changes) {
        this.settings = settings.withOptions(changes);
    }

    void touch(Instant now) {
        this.lastModified = now;
    }
}
