package io.smlfusion.stream;

/** Whether a stream consumes: started and not stopped, stopped (or never started), or ended by an error. */
public enum StreamState {
    RUNNING,
    STOPPED,
    FAILED
}
