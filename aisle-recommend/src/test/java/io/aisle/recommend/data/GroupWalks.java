package io.aisle.recommend.data;

import java.util.SplittableRandom;

/** Test histories: shoppers walk inside one of six groups of 20 items, usually to the next item, sometimes anywhere in the group. */
public final class GroupWalks {
    public static final int ITEMS = 120;

    private GroupWalks() {}

    public static Sequences of(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] h = new int[1500][];
        for (int u = 0; u < h.length; u++) {
            int group = r.nextInt(6);
            int len = 4 + r.nextInt(6);
            h[u] = new int[len];
            int at = r.nextInt(20);
            for (int k = 0; k < len; k++) {
                h[u][k] = group * 20 + at;
                at = r.nextDouble() < 0.6 ? (at + 1) % 20 : r.nextInt(20);
            }
        }
        return new Sequences(h, ITEMS);
    }
}
