package io.aisle.search.query;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent multiset of keys with integer counts; a key whose count falls to zero disappears, so adding and then
 * subtracting the same contribution leaves the counts exactly as they were.
 */
final class Counts<K> {
    private final ConcurrentHashMap<K, Long> counts = new ConcurrentHashMap<>();

    /** Adds {@code delta} (may be negative) to the count of {@code key}. */
    void add(K key, long delta) {
        if (delta == 0) return;
        counts.compute(key, (k, v) -> {
            long next = (v == null ? 0L : v) + delta;
            return next == 0L ? null : next;
        });
    }

    long get(K key) { return counts.getOrDefault(key, 0L); }

    boolean contains(K key) { return counts.containsKey(key); }

    int distinct() { return counts.size(); }

    boolean isEmpty() { return counts.isEmpty(); }

    /** A live, weakly consistent view; callers sort what they read when order matters. */
    Map<K, Long> view() { return counts; }

    /**
     * The key with the highest count, ties broken by the smallest key so the answer does not depend on hash order;
     * null when empty.
     */
    @SuppressWarnings("unchecked")
    K top() {
        K best = null;
        long bestCount = 0;
        for (Map.Entry<K, Long> e : counts.entrySet()) {
            long c = e.getValue();
            if (best == null || c > bestCount
                    || (c == bestCount && ((Comparable<K>) e.getKey()).compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = c;
            }
        }
        return best;
    }
}
