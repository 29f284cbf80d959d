package io.smlfusion.audit;

/** What an audit entry records. */
public enum AuditKind {
    /** A cell released a snapshot of its statistics ({@code export}); the hash is of the released bytes. */
    EXPORT,
    /** An answer was computed from a fusion's merge; the hash is the merge's ({@link FusedMerge#identify}). */
    FUSED_ANSWER
}
