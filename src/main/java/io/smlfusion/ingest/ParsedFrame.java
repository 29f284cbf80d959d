package io.smlfusion.ingest;

import io.smlfusion.engine.stats.DataBlock;

/**
 * A DataFrame ready to learn or forget.
 *
 * @param block       the accepted rows, categories expanded to {@code attr$value} binary columns
 * @param rowsSkipped rows dropped because {@code errorHandling=1} and a cell was invalid
 * @param firstSkipReason why the first skipped row was dropped (null when none was)
 */
public record ParsedFrame(DataBlock block, int rowsSkipped, String firstSkipReason) {
}
