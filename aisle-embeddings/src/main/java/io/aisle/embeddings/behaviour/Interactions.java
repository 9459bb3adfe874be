package io.aisle.embeddings.behaviour;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.embeddings.IdentityLinks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopper x item signal sums from events, as sparse rows both ways (by shopper and by item). A pair's value is the
 * sum of the signal weights of the shopper's events about the item, so it may be negative (bounces, refunds).
 * Identity: events are collected under {@link io.aisle.core.event.Actor#key()} and devices linked to a shopper are
 * merged into that shopper when the rows are built.
 */
final class Interactions {

    /** Compressed sparse rows: row r holds columns {@code col[start[r] .. start[r+1])}, sorted, no duplicates. */
    record Rows(int count, int[] start, int[] col, float[] val) {
        int length(int r) { return start[r + 1] - start[r]; }
    }

    final List<String> shoppers;
    final List<ProductId> items;
    final Rows byShopper;
    final Rows byItem;
    final long events;
    final Instant lastEventAt;

    private Interactions(List<String> shoppers, List<ProductId> items, Rows byShopper, Rows byItem, long events,
                         Instant lastEventAt) {
        this.shoppers = shoppers;
        this.items = items;
        this.byShopper = byShopper;
        this.byItem = byItem;
        this.events = events;
        this.lastEventAt = lastEventAt;
    }

    /** Collects events one by one; {@link #build()} merges linked identities and sums pairs. */
    static final class Builder {
        private final SignalWeights weights;
        private final IdentityLinks links = new IdentityLinks();
        private final Map<String, Integer> actorIndex = new HashMap<>();
        private final List<String> actors = new ArrayList<>();
        private final Map<ProductId, Integer> itemIndex = new HashMap<>();
        private final List<ProductId> items = new ArrayList<>();
        private int[] us = new int[1 << 16];
        private int[] is = new int[1 << 16];
        private float[] ws = new float[1 << 16];
        private int n;
        private long events;
        private Instant lastEventAt;

        /** {@code knownItems} take the first item indices, in order, so rows line up with an existing model. */
        Builder(SignalWeights weights, List<ProductId> knownItems) {
            this.weights = weights;
            for (ProductId id : knownItems) index(id);
        }

        /** Adds the event's signal; returns whether it carried one. */
        boolean add(ShopperEvent e) {
            links.observe(e.actor());
            double w = weights.weight(e);
            if (w == 0 || e.items().isEmpty()) return false;
            int a = actorIndex.computeIfAbsent(e.actor().key(), k -> { actors.add(k); return actors.size() - 1; });
            for (EventItem item : e.items()) push(a, index(item.itemId()), (float) w);
            events++;
            if (lastEventAt == null || e.timestamp().isAfter(lastEventAt)) lastEventAt = e.timestamp();
            return true;
        }

        long events() { return events; }

        private int index(ProductId id) {
            Integer i = itemIndex.get(id);
            if (i != null) return i;
            items.add(id);
            itemIndex.put(id, items.size() - 1);
            return items.size() - 1;
        }

        private void push(int a, int i, float w) {
            if (n == us.length) {
                us = Arrays.copyOf(us, n * 2);
                is = Arrays.copyOf(is, n * 2);
                ws = Arrays.copyOf(ws, n * 2);
            }
            us[n] = a;
            is[n] = i;
            ws[n] = w;
            n++;
        }

        Interactions build() {
            // Stitching: each collected actor key maps to its final canonical key; shopper rows in first-seen order.
            Map<String, Integer> shopperIndex = new HashMap<>();
            List<String> shoppers = new ArrayList<>();
            int[] shopperOfActor = new int[actors.size()];
            for (int a = 0; a < actors.size(); a++) {
                String key = links.canonical(actors.get(a));
                shopperOfActor[a] = shopperIndex.computeIfAbsent(key, k -> { shoppers.add(k); return shoppers.size() - 1; });
            }
            int[] rows = new int[n];
            for (int j = 0; j < n; j++) rows[j] = shopperOfActor[us[j]];
            Rows byShopper = compress(shoppers.size(), rows, is, ws, n);
            int[] tRows = new int[byShopper.col().length];
            int[] tCols = new int[tRows.length];
            for (int r = 0; r < byShopper.count(); r++) {
                for (int j = byShopper.start()[r]; j < byShopper.start()[r + 1]; j++) {
                    tRows[j] = byShopper.col()[j];
                    tCols[j] = r;
                }
            }
            Rows byItem = compress(items.size(), tRows, tCols, byShopper.val(), tRows.length);
            return new Interactions(List.copyOf(shoppers), List.copyOf(items), byShopper, byItem, events, lastEventAt);
        }
    }

    /** Counting sort by row, then per row sort by column and sum duplicates. Deterministic for the same input order. */
    static Rows compress(int rowCount, int[] row, int[] col, float[] val, int n) {
        int[] start = new int[rowCount + 1];
        for (int j = 0; j < n; j++) start[row[j] + 1]++;
        for (int r = 0; r < rowCount; r++) start[r + 1] += start[r];
        int[] fill = Arrays.copyOf(start, rowCount);
        long[] packed = new long[n]; // column in the high bits, entry index in the low: sorts by column, stably
        for (int j = 0; j < n; j++) packed[fill[row[j]]++] = ((long) col[j] << 32) | j;
        int[] outStart = new int[rowCount + 1];
        int[] outCol = new int[n];
        float[] outVal = new float[n];
        int m = 0;
        for (int r = 0; r < rowCount; r++) {
            Arrays.sort(packed, start[r], start[r + 1]);
            int prev = -1;
            for (int j = start[r]; j < start[r + 1]; j++) {
                int c = (int) (packed[j] >>> 32);
                float v = val[(int) packed[j]];
                if (c == prev) {
                    outVal[m - 1] += v;
                } else {
                    outCol[m] = c;
                    outVal[m] = v;
                    m++;
                    prev = c;
                }
            }
            outStart[r + 1] = m;
        }
        return new Rows(rowCount, outStart, Arrays.copyOf(outCol, m), Arrays.copyOf(outVal, m));
    }
}
