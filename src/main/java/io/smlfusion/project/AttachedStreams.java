package io.smlfusion.project;

/**
 * The streams that feed cell projects, as the project layer needs them: a project's streams end
 * with it, and a project is not renamed under its streams. The stream layer implements this, so the
 * dependency runs from stream to project only.
 */
public interface AttachedStreams {

    /** @throws io.smlfusion.refusal.RequestRefused when streams are attached to the project */
    void requireNone(String cid, String pid, String action);

    /** Stops and deletes the project's streams (the project is being deleted). */
    void deleteAll(String cid, String pid);
}
