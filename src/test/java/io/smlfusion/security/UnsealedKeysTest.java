package io.smlfusion.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The kept secrets of signers: read once, dropped on every change, never kept stale, bounded. */
class UnsealedKeysTest {

    private final Map<String, String> database = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final UnsealedKeys<String> keys = new UnsealedKeys<>(2);

    private Optional<String> read(String id) {
        reads.incrementAndGet();
        return Optional.ofNullable(database.get(id));
    }

    @Test
    void aFoundSecretIsReadOnceAndAChangeIsSeenAtTheNextLookup() {
        database.put("c1", "old");
        assertEquals(Optional.of("old"), keys.get("c1", () -> read("c1")));
        assertEquals(Optional.of("old"), keys.get("c1", () -> read("c1")));
        assertEquals(1, reads.get());

        database.put("c1", "rotated");
        keys.forget("c1");
        assertEquals(Optional.of("rotated"), keys.get("c1", () -> read("c1")));

        database.remove("c1");
        keys.forget("c1");
        assertEquals(Optional.empty(), keys.get("c1", () -> read("c1")), "a revoked key is refused at the next lookup");
    }

    @Test
    void anUnknownIdIsAskedEveryTimeAndTakesNoRoom() {
        keys.get("nobody", () -> read("nobody"));
        keys.get("nobody", () -> read("nobody"));
        assertEquals(2, reads.get());
        database.put("c1", "k1");
        database.put("c2", "k2");
        keys.get("c1", () -> read("c1"));
        keys.get("c2", () -> read("c2"));
        reads.set(0);
        keys.get("c1", () -> read("c1"));
        keys.get("c2", () -> read("c2"));
        assertEquals(0, reads.get(), "both found secrets were kept");
    }

    @Test
    void aLookupThatStraddledAChangeKeepsNothing() {
        database.put("c1", "old");
        Optional<String> straddling = keys.get("c1", () -> {
            Optional<String> before = read("c1");
            database.put("c1", "rotated");
            keys.forget("c1");
            return before;
        });
        assertEquals(Optional.of("old"), straddling, "the request that read before the rotation was verified with the old key");
        assertEquals(Optional.of("rotated"), keys.get("c1", () -> read("c1")), "but the old key was not kept");
    }

    @Test
    void pastTheBoundLookupsReadTheDatabase() {
        for (String id : new String[] {"a", "b", "c"}) {
            database.put(id, "k" + id);
            keys.get(id, () -> read(id));
        }
        reads.set(0);
        assertEquals(Optional.of("kc"), keys.get("c", () -> read("c")));
        assertEquals(1, reads.get(), "the third was not kept");
        keys.forgetAll();
        keys.get("a", () -> read("a"));
        assertEquals(2, reads.get(), "everything was dropped");
    }
}
