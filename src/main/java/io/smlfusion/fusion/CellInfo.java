package io.smlfusion.fusion;

/**
 * One cell of a fusion (spec §4.6 {@code FusionCellInfo}): the base URL of the cell's server, the
 * customer the fusion signs as there, that customer's secret key, and the cell project.
 *
 * <p>The secret key signs the fusion's calls to the cell, so it never appears in
 * {@link #toString()}, in {@link #label()} or in any answer except the owner's encrypted cell list.
 *
 * @param host base URL without the REST prefix, e.g. {@code http://charm:8080}
 */
public record CellInfo(String host, String cid, String sk, String pid) {

    /** How messages name the cell ({@code params.fusion_fetch_error}): {@code host cid=… pid=…}, never the key. */
    public String label() {
        return host + " cid=" + cid + " pid=" + pid;
    }

    /** Two entries are the same cell when they name the same project of the same customer on the same host. */
    boolean sameCellAs(CellInfo other) {
        return host.equals(other.host) && cid.equals(other.cid) && pid.equals(other.pid);
    }

    @Override
    public String toString() {
        return "CellInfo[host=" + host + ", cid=" + cid + ", pid=" + pid + "]";
    }
}
