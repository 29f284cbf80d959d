package io.smlfusion.audit;

import java.util.List;

/**
 * The identity of one merge a fused answer was computed from.
 *
 * @param cells  the cells whose snapshots are in the merge, in the order they were merged
 * @param sha256 {@link #identify} of those cells
 */
public record FusedMerge(String sha256, long rowCount, List<MergedCell> cells) {

    public static FusedMerge of(long rowCount, List<MergedCell> cells) {
        return new FusedMerge(identify(cells), rowCount, List.copyOf(cells));
    }

    /**
     * The merge's hash: SHA-256 of the UTF-8 text holding, per merged cell in merge order, the line
     * {@code host cid pid sha256}. The merge is a deterministic function of those snapshots in that
     * order (FusionMerge), so the hash names the data without encoding the merged statistics again.
     */
    static String identify(List<MergedCell> cells) {
        StringBuilder text = new StringBuilder();
        for (MergedCell cell : cells) {
            text.append(cell.host()).append(' ').append(cell.cid()).append(' ').append(cell.pid()).append(' ')
                    .append(cell.sha256()).append('\n');
        }
        return Sha256.hex(text.toString());
    }
}
