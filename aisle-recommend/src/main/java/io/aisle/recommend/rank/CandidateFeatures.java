package io.aisle.recommend.rank;

import io.aisle.recommend.eval.TopItems;
import io.aisle.recommend.model.ItemScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the ranker's candidates and their feature rows for one history: the union of each source's top items,
 * and per candidate each source's score, rank and score relative to that source's best, plus item and history
 * features. Missing values are NaN (the trees route them). Not thread-safe: use one per thread.
 */
final class CandidateFeatures {
    static final int PER_SOURCE_FEATURES = 3;
    static final List<String> OTHER_FEATURES = List.of("log_popularity", "history_length", "sources_proposing",
            "attribute_overlap_last", "attribute_overlap_history", "in_history");

    private final List<ItemScorer> sources;
    private final ItemSide side;
    private final int perSource;
    private final int itemCount;
    private final float[][] scores;
    private final int[][] tops;
    private final int[] slot;       // item -> candidate position + 1 (0 = not a candidate)
    private final int[] attributeSeen;
    private int attributeStamp;

    CandidateFeatures(List<ItemScorer> sources, ItemSide side, int perSource) {
        this.sources = List.copyOf(sources);
        this.side = side;
        this.perSource = perSource;
        this.itemCount = side.logPopularity().length;
        this.scores = new float[sources.size()][itemCount];
        this.tops = new int[sources.size()][perSource];
        this.slot = new int[itemCount];
        this.attributeSeen = new int[Math.max(1, side.content().attributeCount())];
    }

    static List<String> names(List<ItemScorer> sources) {
        List<String> names = new ArrayList<>();
        for (ItemScorer s : sources) {
            names.add(s.name() + "_score");
            names.add(s.name() + "_rank");
            names.add(s.name() + "_relative");
        }
        names.addAll(OTHER_FEATURES);
        return names;
    }

    int width() { return sources.size() * PER_SOURCE_FEATURES + OTHER_FEATURES.size(); }

    /** The candidates for a history (history items excluded when asked) and their rows, row-major. */
    Rows build(int[] history, boolean excludeHistory) {
        int k = sources.size();
        int[] candidates = new int[k * perSource];
        int n = 0;
        for (int s = 0; s < k; s++) {
            float[] sc = scores[s];
            sources.get(s).score(history, sc);
            if (excludeHistory) for (int i : history) sc[i] = Float.NEGATIVE_INFINITY;
            TopItems.of(sc, perSource, tops[s]);
            for (int i : tops[s]) {
                if (i >= 0 && slot[i] == 0) {
                    candidates[n++] = i;
                    slot[i] = n;
                }
            }
        }
        candidates = Arrays.copyOf(candidates, n);
        int width = width();
        float[] rows = new float[n * width];
        Arrays.fill(rows, Float.NaN);
        int[] proposing = new int[n];
        for (int s = 0; s < k; s++) {
            float[] sc = scores[s];
            int[] top = tops[s];
            float best = top[0] >= 0 ? sc[top[0]] : Float.NaN;
            for (int c = 0; c < n; c++) {
                float v = sc[candidates[c]];
                rows[c * width + s * PER_SOURCE_FEATURES] = Float.isFinite(v) ? v : Float.NaN;
                rows[c * width + s * PER_SOURCE_FEATURES + 2] = Float.isFinite(v) && best != 0 ? v / Math.abs(best) : Float.NaN;
            }
            for (int r = 0; r < top.length; r++) {
                if (top[r] < 0) break;
                int c = slot[top[r]] - 1;
                rows[c * width + s * PER_SOURCE_FEATURES + 1] = r;
                proposing[c]++;
            }
        }
        int base = k * PER_SOURCE_FEATURES;
        int[][] attrs = side.content().attributes();
        int last = history.length > 0 ? history[history.length - 1] : -1;
        // Attribute counts over the history, by stamping: ids seen in the history get the current stamp.
        attributeStamp++;
        for (int i : history) for (int a : attrs[i]) attributeSeen[a] = attributeStamp;
        for (int c = 0; c < n; c++) {
            int item = candidates[c];
            int o = c * width + base;
            rows[o] = side.logPopularity()[item];
            rows[o + 1] = history.length;
            rows[o + 2] = proposing[c];
            int[] ca = attrs[item];
            if (ca.length > 0) {
                rows[o + 3] = last >= 0 ? overlap(ca, attrs[last]) : Float.NaN;
                int inHistory = 0;
                for (int a : ca) if (attributeSeen[a] == attributeStamp) inHistory++;
                rows[o + 4] = inHistory / (float) ca.length;
            }
            rows[o + 5] = contains(history, item) ? 1 : 0;
        }
        for (int c : candidates) slot[c] = 0;
        return new Rows(candidates, rows, width, scores[0]);
    }

    private static float overlap(int[] a, int[] b) {
        int same = 0;
        for (int x : a) for (int y : b) if (x == y) { same++; break; }
        return same / (float) a.length;
    }

    private static boolean contains(int[] h, int item) {
        for (int i : h) if (i == item) return true;
        return false;
    }

    /** Candidates with their feature rows; {@code fallback} scores every item by the first source. */
    record Rows(int[] candidates, float[] features, int width, float[] fallback) {}
}
