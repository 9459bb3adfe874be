package io.aisle.store.embedded;

import java.util.HashMap;
import java.util.Map;

/**
 * Event id to offset, in memory, for duplicate detection. A B-tree index on random ids costs about one page write
 * per event under durable group commit (measured: it cut throughput roughly tenfold), so the log keeps a 64-bit
 * hash of each id in a map instead, rebuilt at open from a narrow on-disk index in offset order. A hit is only a
 * candidate: the log confirms it against the stored id. About 20-30 bytes of heap per stored event.
 *
 * <p>Written by the log's writer thread only.
 */
final class EventIdIndex {
    private static final float MAX_LOAD = 0.7f;

    /** Slot i holds key at [2i] (0 = empty) and offset at [2i+1]; open addressing, linear probing. */
    private long[] slots = new long[2 * 1024];
    private int mask = 1023;
    private int size;
    /** Ids whose hash is taken by a different stored id: astronomically rare, so a plain map is enough. */
    private final Map<String, Long> collisions = new HashMap<>();

    /** The id's 64-bit hash (FNV-1a over UTF-16 units, then the MurmurHash3 finaliser); stored on disk, so fixed. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** The offset last recorded for this hash, or 0 when none. */
    long get(long hash) {
        hash = key(hash);
        int i = slot(hash);
        while (true) {
            long k = slots[2 * i];
            if (k == 0) return 0;
            if (k == hash) return slots[2 * i + 1];
            i = (i + 1) & mask;
        }
    }

    /** Records (or replaces) the offset for a hash. */
    void put(long hash, long offset) {
        hash = key(hash);
        if (size + 1 > (mask + 1) * MAX_LOAD) grow();
        int i = slot(hash);
        while (true) {
            long k = slots[2 * i];
            if (k == 0) {
                slots[2 * i] = hash;
                slots[2 * i + 1] = offset;
                size++;
                return;
            }
            if (k == hash) {
                slots[2 * i + 1] = offset;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Forgets an erased event: its slot when the slot holds this offset, else its collision entry. Without this the
     * map would keep an erased event's hash (and, for a collision, its id) until the next restart.
     */
    void remove(long hash, long offset) {
        hash = key(hash);
        int i = slot(hash);
        while (true) {
            long k = slots[2 * i];
            if (k == 0) break;
            if (k == hash) {
                if (slots[2 * i + 1] == offset) {
                    deleteSlot(i);
                    return;
                }
                break;
            }
            i = (i + 1) & mask;
        }
        collisions.values().removeIf(o -> o == offset);
    }

    /** Empties slot i by shifting later entries of its probe run back (no tombstones, so lookups stay short). */
    private void deleteSlot(int i) {
        size--;
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            long k = slots[2 * j];
            if (k == 0) break;
            int home = slot(k);
            // The entry at j stays when its home lies cyclically in (hole, j]: moving it before its home would hide it.
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (stays) continue;
            slots[2 * hole] = k;
            slots[2 * hole + 1] = slots[2 * j + 1];
            hole = j;
        }
        slots[2 * hole] = 0;
        slots[2 * hole + 1] = 0;
    }

    long collision(String id) {
        Long offset = collisions.get(id);
        return offset == null ? 0 : offset;
    }

    void putCollision(String id, long offset) { collisions.put(id, offset); }

    int size() { return size + collisions.size(); }

    /** 0 marks an empty slot, so a hash of 0 is kept as 1 (one more collision candidate, which is harmless). */
    private static long key(long hash) { return hash == 0 ? 1 : hash; }

    private int slot(long hash) { return (int) (hash ^ (hash >>> 32)) & mask; }

    private void grow() {
        long[] old = slots;
        int capacity = (mask + 1) * 2;
        slots = new long[2 * capacity];
        mask = capacity - 1;
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) put(old[i], old[i + 1]);
        }
    }
}
