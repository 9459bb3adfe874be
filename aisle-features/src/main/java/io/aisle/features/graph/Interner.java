package io.aisle.features.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dense int ids for strings, so edges hold 4-byte ids instead of references. Optionally reference-counted: a
 * released id (no edge points at it any more) frees its name and is reused, so kinds that come and go (queries)
 * take memory only while some edge holds them.
 */
final class Interner {
    private final StringIntMap ids = new StringIntMap();
    private final List<String> names = new ArrayList<>();
    private int[] refs = new int[16];
    private int[] free = new int[16];
    private int freeCount;

    /** The id of {@code name}, creating it if new. */
    int intern(String name) {
        int id = ids.get(name);
        if (id >= 0) return id;
        int fresh;
        if (freeCount > 0) {
            fresh = free[--freeCount];
            names.set(fresh, name);
        } else {
            fresh = names.size();
            names.add(name);
            if (fresh >= refs.length) refs = Arrays.copyOf(refs, refs.length * 2);
        }
        ids.put(name, fresh);
        return fresh;
    }

    /** The id of {@code name}, or -1. */
    int find(String name) { return ids.get(name); }

    String name(int id) { return names.get(id); }

    /** Number of ids handed out, freed ones included: arrays indexed by id need this length. */
    int capacity() { return names.size(); }

    /** Number of live names. */
    int size() { return ids.size(); }

    void retain(int id) { refs[id]++; }

    /** Drops one reference; at zero the name is forgotten and the id reused. */
    void release(int id) {
        if (--refs[id] > 0) return;
        refs[id] = 0;
        ids.remove(names.get(id));
        names.set(id, null);
        if (freeCount == free.length) free = Arrays.copyOf(free, free.length * 2);
        free[freeCount++] = id;
    }

    /** Forgets a name no edge took up (interned, then refused by a full node). */
    void releaseIfUnused(int id) {
        if (refs[id] == 0) {
            refs[id] = 1;
            release(id);
        }
    }

    void clear() {
        ids.clear();
        names.clear();
        refs = new int[16];
        free = new int[16];
        freeCount = 0;
    }
}
