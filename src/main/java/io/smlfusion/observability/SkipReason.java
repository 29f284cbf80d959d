package io.smlfusion.observability;

import java.util.Locale;

/**
 * Why rows of a DataFrame were skipped ({@code errorHandling=1}), as a label: one of a few fixed
 * words, never the reader's own text, which quotes the offending cell's value.
 */
enum SkipReason {
    MISSING_VALUE("is missing"),
    NOT_A_NUMBER("is not a number"),
    OUT_OF_RANGE("is not a finite number"),
    NOT_BINARY("is not 0 or 1"),
    BAD_CATEGORY("cannot name the category"),
    BAD_PARTITION("cannot name a partition"),
    WRONG_CELL_COUNT(" cells "),
    OTHER(null);

    private final String marker;

    SkipReason(String marker) {
        this.marker = marker;
    }

    /**
     * The reason of the reader's text {@code firstSkipReason}; {@link #OTHER} for a text it does not
     * know. The reader ends its text with the problem, after the quoted value, so the marker found
     * last wins: a value that contains another reason's words does not decide.
     */
    static SkipReason of(String readerText) {
        SkipReason found = OTHER;
        int at = -1;
        if (readerText != null) {
            for (SkipReason reason : values()) {
                int position = reason.marker == null ? -1 : readerText.lastIndexOf(reason.marker);
                if (position > at) {
                    found = reason;
                    at = position;
                }
            }
        }
        return found;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
