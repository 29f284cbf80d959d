package io.smlfusion.engine.stats;

/**
 * The type of a numeric attribute as the SymetryML wire format spells it. Categorical ({@code T})
 * attributes never reach this package: the caller expands them into one binary attribute per
 * value, named {@code attr$value}.
 */
public enum AttributeType {
    CONTINUOUS("C"),
    BINARY("B");

    private final String code;

    AttributeType(String code) {
        this.code = code;
    }

    /** The one-letter wire code, {@code C} or {@code B}. */
    public String code() {
        return code;
    }

    /**
     * @throws IllegalArgumentException when {@code code} is not {@code C} or {@code B}
     */
    public static AttributeType fromCode(String code) {
        for (AttributeType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "unknown attribute type '" + code + "'; expected C or B");
    }
}
