package io.smlfusion.disclosure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The disclosure controls a cell project's {@code export} obeys (docs/operations.md, "Disclosure
 * control on exports"). Both are counts of rows; 0 switches a control off.
 *
 * @param minRows      no release while the project, one of its partitions or one level of a binary
 *                     or category attribute (overall or within a partition) holds between 1 and
 *                     {@code minRows - 1} rows: its statistics would describe those few people
 * @param minDeltaRows a new release only once this many rows were learned or forgotten since the
 *                     previous one; until then the previous one is sent again, so the difference of
 *                     two releases never describes fewer rows
 */
public record ExportPolicy(int minRows, int minDeltaRows) {

    /** The project option (create body, {@code exportPolicy} body) that raises {@link #minRows}. */
    public static final String MIN_ROWS_OPTION = "export_min_rows";
    /** The project option that raises {@link #minDeltaRows}. */
    public static final String MIN_DELTA_ROWS_OPTION = "export_min_delta_rows";
    /** Far above any real threshold; keeps a value from overflowing a row count computation. */
    public static final int MAX_ROWS = 1_000_000_000;

    public ExportPolicy {
        requireCount("minRows", minRows);
        requireCount("minDeltaRows", minDeltaRows);
    }

    /**
     * The policy of a project: each option of {@code options} that is present replaces the value of
     * {@code serverDefault}, but never lowers it. The server default is the floor the operator sets
     * for every data subject on the server; a project owner — or whoever holds the key its fusions
     * sign with — may ask for more protection, never for less.
     *
     * @throws IllegalArgumentException naming the option when a value is not a count
     */
    public static ExportPolicy of(Map<String, String> options, ExportPolicy serverDefault) {
        return new ExportPolicy(Math.max(serverDefault.minRows, option(options, MIN_ROWS_OPTION, 0)),
                Math.max(serverDefault.minDeltaRows, option(options, MIN_DELTA_ROWS_OPTION, 0)));
    }

    /** The options map entries that ask for exactly this policy. */
    public Map<String, String> asOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(MIN_ROWS_OPTION, Integer.toString(minRows));
        options.put(MIN_DELTA_ROWS_OPTION, Integer.toString(minDeltaRows));
        return options;
    }

    /**
     * Why {@code options} holds a value of these options that is not a count, or null when it
     * holds none; project settings check it so that no such value is ever stored.
     */
    public static String problemIn(Map<String, String> options) {
        try {
            option(options, MIN_ROWS_OPTION, 0);
            option(options, MIN_DELTA_ROWS_OPTION, 0);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static int option(Map<String, String> options, String key, int absent) {
        String text = options.get(key);
        if (text == null) {
            return absent;
        }
        int value;
        try {
            value = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number of rows from 0 to " + MAX_ROWS
                    + ", not [" + text + "]");
        }
        requireCount(key, value);
        return value;
    }

    private static void requireCount(String name, int value) {
        if (value < 0 || value > MAX_ROWS) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number of rows from 0 to " + MAX_ROWS
                    + ", not [" + value + "]");
        }
    }
}
