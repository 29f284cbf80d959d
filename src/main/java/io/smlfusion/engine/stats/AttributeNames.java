package io.smlfusion.engine.stats;

/**
 * What an attribute name may be (a category attribute {@code attr$value} and a partition value
 * included): 1 to {@value #MAX_LENGTH} characters of printable Unicode — letters, marks, digits,
 * punctuation, symbols and spaces. Control and format characters (NUL, bidirectional overrides),
 * lone surrogates, private-use and unassigned code points are refused: names come back in every
 * answer, log line and generated model code, where such characters hide or break things.
 */
public final class AttributeNames {

    /** The longest name, in Unicode characters (code points). */
    public static final int MAX_LENGTH = 256;

    private static final int SHOWN = 40;

    private AttributeNames() {
    }

    /** What is wrong with {@code name}, or null when it is acceptable. */
    public static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "is empty";
        }
        if (name.length() > 2 * MAX_LENGTH || name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            if (!printable(codePoint)) {
                return "holds the non-printable character U+" + String.format("%04X", codePoint) + " at position " + i;
            }
            i += Character.charCount(codePoint);
        }
        return null;
    }

    /** The first attribute name or partition value of {@code statistics} that is not acceptable, described; or null. */
    public static String problemIn(ProjectStatistics statistics) {
        for (String name : statistics.schema().names()) {
            String problem = problem(name);
            if (problem != null) {
                return "attribute name '" + shown(name) + "' " + problem;
            }
        }
        for (String value : statistics.partitions().keySet()) {
            String problem = problem(value);
            if (problem != null) {
                return "partition value '" + shown(value) + "' " + problem;
            }
        }
        return null;
    }

    /** The name as an error message may show it: at most 40 characters, non-printable ones escaped. */
    public static String shown(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0, shown = 0; i < name.length() && shown < SHOWN; shown++) {
            int codePoint = name.codePointAt(i);
            if (printable(codePoint)) {
                text.appendCodePoint(codePoint);
            } else {
                text.append(String.format("\\u%04X", codePoint));
            }
            i += Character.charCount(codePoint);
        }
        return name.codePointCount(0, name.length()) > SHOWN ? text + "…" : text.toString();
    }

    private static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
