package io.aisle.features.graph;

/**
 * An open-addressing map from strings to non-negative ints (linear probing, at most half full, removal by backward
 * shift). Each slot keeps the key's hash beside it, so a probe reads one int array and touches the key string only
 * on a hash match: about 24 bytes an entry instead of a HashMap's 50-odd (node, table slot, boxed value), and fewer
 * cache misses per lookup, which is what ingestion spends its time on.
 */
final class StringIntMap {
    private String[] keys;
    private int[] hashes;
    private int[] values;
    private int size;

    StringIntMap() { clear(); }

    /** The value of {@code key}, or -1. */
    int get(String key) {
        int h = hash(key);
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) return -1;
            if (hashes[i] == h && k.equals(key)) return values[i];
        }
    }

    void put(String key, int value) {
        if (value < 0) throw new IllegalArgumentException("values must not be negative, got " + value);
        int h = hash(key);
        int mask = keys.length - 1;
        int i = h & mask;
        for (String k; (k = keys[i]) != null; i = (i + 1) & mask) {
            if (hashes[i] == h && k.equals(key)) {
                values[i] = value;
                return;
            }
        }
        keys[i] = key;
        hashes[i] = h;
        values[i] = value;
        if (++size * 2 > keys.length) resize(keys.length * 2);
    }

    /** Removes {@code key}; returns whether it was there. */
    boolean remove(String key) {
        int h = hash(key);
        int mask = keys.length - 1;
        int i = h & mask;
        for (String k; ; i = (i + 1) & mask) {
            k = keys[i];
            if (k == null) return false;
            if (hashes[i] == h && k.equals(key)) break;
        }
        // Backward shift: pull later entries of the probe run into the hole unless that would put them before home.
        for (int j = (i + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                keys[i] = keys[j];
                hashes[i] = hashes[j];
                values[i] = values[j];
                i = j;
            }
        }
        keys[i] = null;
        size--;
        return true;
    }

    int size() { return size; }

    void clear() {
        keys = new String[16];
        hashes = new int[16];
        values = new int[16];
        size = 0;
    }

    private void resize(int capacity) {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldValues = values;
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new int[capacity];
        int mask = capacity - 1;
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] == null) continue;
            int i = oldHashes[s] & mask;
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = oldKeys[s];
            hashes[i] = oldHashes[s];
            values[i] = oldValues[s];
        }
    }

    /** String hashes are poor in the low bits for short similar ids ("P000123"); spread them. */
    private static int hash(String key) {
        int h = key.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @Override public String toString() { return "StringIntMap[" + size + " of " + keys.length + "]"; }
}
