package io.smlfusion.project;

/**
 * What one {@code export} releases: the snapshot bytes and the {@link SnapshotVersion} they are,
 * read under one lock so the version always names exactly these bytes; or, when the caller already
 * holds that version, no bytes at all ({@code 304 Not Modified}).
 *
 * @param snapshot the encoded statistics; null when {@link #unchanged()}
 * @param version  what the bytes are (the {@code ETag}); null for a project that has no version to
 *                 offer, whose export is then always sent whole
 */
public record ExportRelease(byte[] snapshot, SnapshotVersion version) {

    static ExportRelease notModified(SnapshotVersion version) {
        return new ExportRelease(null, version);
    }

    /** The caller's copy is current: answer without a body. */
    public boolean unchanged() {
        return snapshot == null;
    }
}
