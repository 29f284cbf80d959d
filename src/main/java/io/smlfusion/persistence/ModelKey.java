package io.smlfusion.persistence;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of {@link ModelEntity}: a model id is unique per project. */
public class ModelKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String cid;
    private String pid;
    private String modelId;

    public ModelKey() {
    }

    public ModelKey(String cid, String pid, String modelId) {
        this.cid = cid;
        this.pid = pid;
        this.modelId = modelId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelKey key && Objects.equals(cid, key.cid) && Objects.equals(pid, key.pid)
                && Objects.equals(modelId, key.modelId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cid, pid, modelId);
    }
}
