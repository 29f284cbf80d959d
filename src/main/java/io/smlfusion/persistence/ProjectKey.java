package io.smlfusion.persistence;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link ProjectEntity}: a project id is unique per customer. */
public class ProjectKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String cid;
    private String pid;

    public ProjectKey() {
    }

    public ProjectKey(String cid, String pid) {
        this.cid = cid;
        this.pid = pid;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProjectKey key && Objects.equals(cid, key.cid) && Objects.equals(pid, key.pid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cid, pid);
    }
}
