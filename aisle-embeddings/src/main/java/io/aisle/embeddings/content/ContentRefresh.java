package io.aisle.embeddings.content;

/**
 * What one refresh of the content vectors did.
 *
 * @param changesRead catalogue changes read from the change log
 * @param embedded    products whose text was new or changed, so were embedded
 * @param unchanged   upserts whose embedded text was the same as before (no encoder call)
 * @param deleted     vectors dropped because their product was deleted
 * @param offset      the catalogue offset the vectors now reflect
 * @param seconds     wall time of the refresh
 */
public record ContentRefresh(long changesRead, long embedded, long unchanged, long deleted, long offset, double seconds) {}
