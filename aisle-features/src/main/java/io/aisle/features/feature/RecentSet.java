package io.aisle.features.feature;

import java.util.Arrays;

/**
 * A bounded distinct count: the {@code bound} values most recently seen, as 64-bit hashes with the latest time each
 * was seen, in one flat {@code long[]}: {@code [size, hash0, seen0, hash1, seen1, ...]}. Which values survive
 * depends only on each value's latest time (ties broken by hash), never on the order events arrive in, so online
 * and offline agree; the count in a window is {@code min(bound, distinct)}.
 */
final class RecentSet {
    private RecentSet() {}

    /** Records {@code hash} seen at {@code time}; returns the array to keep. */
    static long[] add(long[] data, long hash, long time, int bound) {
        if (data == null) data = new long[1 + 2 * Math.min(2, bound)];
        int size = (int) data[0];
        for (int i = 0; i < size; i++) {
            if (data[1 + 2 * i] == hash) {
                if (time > data[2 + 2 * i]) data[2 + 2 * i] = time;
                return data;
            }
        }
        if (size < bound) {
            if (1 + 2 * (size + 1) > data.length) data = Arrays.copyOf(data, 1 + 2 * Math.min(size * 2, bound));
            data[1 + 2 * size] = hash;
            data[2 + 2 * size] = time;
            data[0] = size + 1;
            return data;
        }
        int oldest = 0;
        for (int i = 1; i < size; i++) if (before(data[2 + 2 * i], data[1 + 2 * i], data[2 + 2 * oldest], data[1 + 2 * oldest])) oldest = i;
        if (before(data[2 + 2 * oldest], data[1 + 2 * oldest], time, hash)) {
            data[1 + 2 * oldest] = hash;
            data[2 + 2 * oldest] = time;
        }
        return data;
    }

    private static boolean before(long t1, long h1, long t2, long h2) { return t1 < t2 || (t1 == t2 && h1 < h2); }

    /** Values last seen at or after {@code fromMs}; 0 for no set. */
    static int countFrom(long[] data, long fromMs) {
        if (data == null) return 0;
        int n = 0;
        for (int i = 0, size = (int) data[0]; i < size; i++) if (data[2 + 2 * i] >= fromMs) n++;
        return n;
    }

    /** FNV-1a over the chars, then the SplitMix64 finaliser: stable across runs and JVMs, unlike String.hashCode's 32 bits. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
