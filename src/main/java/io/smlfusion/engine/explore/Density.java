package io.smlfusion.engine.explore;

/**
 * The {@code Density} entity (spec §4.9): the share of rows in each of equal-width bins.
 *
 * @param attrName the attribute, or {@code <target>|<conditional>} for a conditional density
 * @param min the lower end of the first bin
 * @param max the upper end of the last bin
 * @param width the width of every bin, (max − min)/bins
 * @param histogram the share of all rows falling in each bin; rows outside [min, max] are in none,
 *     so the shares add up to at most 1
 * @param error empty, or why the histogram is empty
 */
public record Density(String attrName, double min, double max, double width, double[] histogram, String error) {
}
