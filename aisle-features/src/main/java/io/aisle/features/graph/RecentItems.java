package io.aisle.features.graph;

import java.util.Arrays;

/** The last few distinct items of a session, oldest evicted first: what a new item is paired with. */
final class RecentItems {
    private int[] items = new int[4];
    private int size;
    private int head;

    boolean contains(int item) {
        for (int i = 0; i < size; i++) if (items[i] == item) return true;
        return false;
    }

    int size() { return size; }

    /** The i-th kept item, in no particular order. */
    int get(int i) { return items[i]; }

    /** Keeps {@code item}, dropping the oldest when {@code cap} are kept. */
    void push(int item, int cap) {
        if (size < cap) {
            if (size == items.length) items = Arrays.copyOf(items, Math.min(cap, items.length * 2));
            items[size++] = item;
            return;
        }
        items[head] = item;
        head = (head + 1) % cap;
    }

    void clear() {
        size = 0;
        head = 0;
    }
}
