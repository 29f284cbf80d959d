package io.smlfusion.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Signing secrets already read and unsealed, by id, so that a signed request neither reads the
 * database nor opens a sealed key (issue 16: for a fusion's conditional fetches, that was most of
 * an unchanged cell's answer). Only found secrets are kept, so an id nobody has costs a lookup
 * every time and no memory; at most {@link #maxEntries} are kept, and past that lookups simply read
 * the database.
 *
 * <p>Correct because this server is the only writer of its keys (one replica per database, as
 * the deployments run it): whatever changes or removes a key calls {@link #forget} once its transaction
 * committed, so the next request reads the new state — a rotated or revoked key is refused at the
 * next request, as before. A lookup that read the database before such a change and finishes after
 * it keeps nothing (the change count moved meanwhile), so a stale secret is never kept.
 */
final class UnsealedKeys<V> {

    private final Map<String, V> byId = new ConcurrentHashMap<>();
    private final int maxEntries;
    /** How many changes were seen; guarded by {@code this}. */
    private long changes;

    UnsealedKeys(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The kept value of {@code id}, or what {@code lookup} finds now (kept when found). */
    Optional<V> get(String id, Supplier<Optional<V>> lookup) {
        V kept = byId.get(id);
        if (kept != null) {
            return Optional.of(kept);
        }
        long before = changesSoFar();
        Optional<V> found = lookup.get();
        found.ifPresent(value -> keepUnlessChangedSince(before, id, value));
        return found;
    }

    /** A key changed or went away: drop what was kept for {@code id}. Call it after the change committed. */
    synchronized void forget(String id) {
        changes++;
        byId.remove(id);
    }

    /** Many keys changed at once (start-up sealing): drop everything. */
    synchronized void forgetAll() {
        changes++;
        byId.clear();
    }

    private synchronized long changesSoFar() {
        return changes;
    }

    private synchronized void keepUnlessChangedSince(long before, String id, V value) {
        if (changes == before && byId.size() < maxEntries) {
            byId.put(id, value);
        }
    }
}
