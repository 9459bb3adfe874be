package io.aisle.recommend.neural.twotower;

/**
 * One gradient step's events, flattened for the network. The tower runs once per distinct item in the batch
 * ({@code items}); histories and targets index into that list.
 *
 * @param size             events in the batch
 * @param items            distinct item indices the batch touches
 * @param keepId           per distinct item, 1 to use its id embedding, 0 where id dropout removed it
 * @param attributeRows    per distinct item, its attribute ids padded with the pad row to the table width
 * @param attributeShares  weights of those rows: 1/count for real attributes, 0 for padding (a mean bag)
 * @param content          per distinct item its content vector (zeros where absent); null without content vectors
 * @param hasContent       per distinct item 1 where it has a content vector; null without content vectors
 * @param history          per event, the positions in {@code items} of its last items, right-aligned
 * @param historyMask      1 where {@code history} holds an item, 0 for padding on the left
 * @param targets          per event, the position in {@code items} of the item that came next
 * @param logQ             per event, the log sampling probability of its target (0 when not corrected)
 * @param duplicates       size x size: a large negative where another event has the same target, else 0
 */
record Batch(int size, long[] items, float[] keepId, long[] attributeRows, float[] attributeShares,
             float[] content, float[] hasContent, long[] history, float[] historyMask,
             long[] targets, float[] logQ, float[] duplicates) {

    int distinctItems() { return items.length; }
}
