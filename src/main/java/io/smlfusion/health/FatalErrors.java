package io.smlfusion.health;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Remembers the first error the JVM could not be trusted to survive (out of memory, an internal
 * error) that reached a request or a job, so that {@link HeapLiveness} reports DOWN from then on
 * and the orchestrator restarts the server: after an {@link OutOfMemoryError} any thread may have
 * died half way through an update, and the heap may be full again a moment later.
 *
 * <p>A {@link StackOverflowError} unwinds its own thread cleanly and leaves the JVM sound, so it is
 * not fatal here (and a deeply nested request must not be able to restart the server).
 */
@ApplicationScoped
public class FatalErrors {

    private static final Logger LOG = Logger.getLogger(FatalErrors.class.getName());

    /** What happened and when. */
    public record Fatal(String error, Instant at) {
    }

    @Inject
    Clock clock;

    private final AtomicReference<Fatal> first = new AtomicReference<>();

    public FatalErrors() {
    }

    /** For unit tests. */
    public FatalErrors(Clock clock) {
        this.clock = clock;
    }

    /** Records {@code error} when it is fatal; logs it either way. */
    public void record(Error error) {
        boolean fatal = error instanceof VirtualMachineError && !(error instanceof StackOverflowError);
        LOG.log(Level.SEVERE, fatal ? "Fatal error: liveness is DOWN from now on" : "Error while serving a request", error);
        if (fatal) {
            first.compareAndSet(null, new Fatal(error.toString(), clock.instant()));
        }
    }

    public Optional<Fatal> first() {
        return Optional.ofNullable(first.get());
    }
}
