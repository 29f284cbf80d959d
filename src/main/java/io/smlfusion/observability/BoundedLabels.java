package io.smlfusion.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Label values for one kind of key (projects, cell hosts, streams), at most {@code limit} of them:
 * the first {@code limit} distinct keys seen keep their own value until restart, every later key
 * shares {@link #OTHER}. A Prometheus series per label value costs memory in this server and in the
 * scraper for ever, so a caller that invents names (a new project per request) must not be able to
 * grow the series without bound. Values are cut to {@link #MAX_VALUE_CHARS} and control characters
 * replaced, so a key never breaks the exposition format.
 */
public final class BoundedLabels {

    /** The value shared by every key past the limit. */
    public static final String OTHER = "_other";
    static final int MAX_VALUE_CHARS = 64;

    private final int limit;
    private final Map<String, String> assigned = new ConcurrentHashMap<>();

    public BoundedLabels(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a label limit cannot be negative: " + limit);
        }
        this.limit = limit;
    }

    /** The label value of {@code key}: its own (cleaned) value while the limit allows, {@link #OTHER} after. */
    public String of(String key) {
        String known = assigned.get(key);
        if (known != null) {
            return known;
        }
        synchronized (assigned) {
            known = assigned.get(key);
            if (known != null) {
                return known;
            }
            if (assigned.size() >= limit) {
                return OTHER;
            }
            String value = clean(key);
            assigned.put(key, value);
            return value;
        }
    }

    /** How many keys have a value of their own. */
    public int size() {
        return assigned.size();
    }

    static String clean(String key) {
        String shortened = key.length() <= MAX_VALUE_CHARS ? key : key.substring(0, MAX_VALUE_CHARS);
        StringBuilder value = new StringBuilder(shortened.length());
        shortened.codePoints().forEach(c -> value.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return value.toString();
    }
}
