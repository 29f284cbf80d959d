package io.smlfusion.persistence;

/**
 * Where a stored snapshot stands in its project's journal: it holds every change up to and
 * including {@code sequence}, so replay starts after it and the save that stores it deletes the
 * entries up to it.
 */
public record JournalPosition(String journalId, long sequence) {
}
