package io.aisle.recommend.neural.twotower;

import io.aisle.recommend.data.ItemContent;
import io.aisle.recommend.data.Sequences;
import java.util.SplittableRandom;

/**
 * A tiny catalogue with structure: two groups of items, shoppers who stay in one group, and a group attribute
 * (0 or 1) on every item beside a noise attribute shared across groups. The last {@code coldPerGroup} items of each
 * group never occur in a history: they are known by content only. Optional dense vectors encode the group too.
 */
record GroupedShoppers(Sequences sequences, ItemContent content, int perGroup, int coldPerGroup) {
    static final int GROUPS = 2;
    static final int NOISE_ATTRIBUTES = 4;

    /** Items {@code g*perGroup .. (g+1)*perGroup-1} form group {@code g}. */
    static GroupedShoppers create(int perGroup, int coldPerGroup, int users, boolean withVectors, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int items = GROUPS * perGroup;
        int warm = perGroup - coldPerGroup;
        int[][] histories = new int[users][];
        for (int u = 0; u < users; u++) {
            int group = u % GROUPS;
            int[] h = new int[6 + random.nextInt(5)];
            for (int j = 0; j < h.length; j++) h[j] = group * perGroup + random.nextInt(warm);
            histories[u] = h;
        }
        int[][] attributes = new int[items][];
        float[][] vectors = withVectors ? new float[items][] : null;
        for (int i = 0; i < items; i++) {
            int group = i / perGroup;
            attributes[i] = new int[] {group, GROUPS + random.nextInt(NOISE_ATTRIBUTES)};
            if (withVectors) vectors[i] = groupVector(group, random);
        }
        return new GroupedShoppers(new Sequences(histories, items), new ItemContent(attributes, GROUPS + NOISE_ATTRIBUTES, vectors), perGroup, coldPerGroup);
    }

    /** A noisy 3-d content vector pointing along the group's axis. */
    static float[] groupVector(int group, SplittableRandom random) {
        float[] v = new float[3];
        for (int k = 0; k < 3; k++) v[k] = (float) (random.nextGaussian() * 0.2);
        v[group] += 1f;
        return v;
    }

    int groupOf(int item) { return item / perGroup; }

    boolean isCold(int item) { return item % perGroup >= perGroup - coldPerGroup; }

    /** A history of warm items of {@code group}. */
    int[] history(int group) {
        return new int[] {group * perGroup, group * perGroup + 1, group * perGroup + 2};
    }

    static TwoTowerConfig smallConfig() {
        return new TwoTowerConfig(16, 5, 32, 15, 64, 0.01, 0.1, 0.3, true, 1L, 1);
    }
}
