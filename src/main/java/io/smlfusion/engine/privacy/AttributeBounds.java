package io.smlfusion.engine.privacy;

import java.util.Objects;

import io.smlfusion.engine.stats.AttributeType;

/**
 * The range [lower, upper] the owner of a cell declares for one attribute before its statistics
 * may be released with differential privacy: the noise is calibrated from these bounds, never from
 * the data. The bounds are public (they travel in the settings and shape the noise), so they must
 * be chosen from domain knowledge, not from the data itself.
 *
 * @param name  the attribute, categories expanded ({@code colour$red}, type B)
 * @param type  its type in the released schema; an attribute no row has carried yet is released
 *              with this type as all zeros
 * @param lower the smallest value a row may hold
 * @param upper the largest value a row may hold
 */
public record AttributeBounds(String name, AttributeType type, double lower, double upper) {

    /**
     * The largest magnitude a bound may have: a value enters the released statistics up to its
     * fourth power, scaled by the bounds (Q's noise is proportional to m⁴), and 10⁹ keeps every
     * released moment of as many rows as a long counts far inside the snapshot's value range.
     */
    public static final double MAX_MAGNITUDE = 1e9;

    public AttributeBounds {
        Objects.requireNonNull(name, "attribute name");
        Objects.requireNonNull(type, "attribute type");
        if (!(Math.abs(lower) <= MAX_MAGNITUDE && Math.abs(upper) <= MAX_MAGNITUDE && lower < upper)) {
            throw new IllegalArgumentException("bounds of attribute '" + name + "' must be finite, lower < upper and within ±"
                    + MAX_MAGNITUDE + ", not [" + lower + ", " + upper + "]");
        }
    }

    /** The midpoint c = (lower + upper) / 2 the released sums are centred at (public, so data-independent). */
    double centre() {
        return lower / 2 + upper / 2;
    }

    /** The half width w = (upper − lower) / 2: every value lies within c ± w. */
    double halfWidth() {
        return upper / 2 - lower / 2;
    }

    /** The largest magnitude m = max(|lower|, |upper|) a value may have. */
    double magnitude() {
        return Math.max(Math.abs(lower), Math.abs(upper));
    }

    boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
