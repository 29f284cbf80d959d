package io.smlfusion.audit;

/**
 * One cell snapshot in a merge, as the audit trail and {@code smlInfo.fusionCells} report it.
 *
 * @param sha256 of the snapshot bytes exactly as the cell sent them, which the cell's own audit
 *               trail records for the same release
 */
public record MergedCell(String host, String cid, String pid, long rowCount, String sha256) {
}
