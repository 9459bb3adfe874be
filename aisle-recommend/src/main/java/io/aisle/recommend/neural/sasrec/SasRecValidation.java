package io.aisle.recommend.neural.sasrec;

import io.aisle.recommend.data.Sequences;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Held-out next items that pick the best epoch: after each epoch the model ranks {@code targets[u]} after
 * {@code histories[u]} (NDCG@10), the best epoch's weights are kept, and training stops after {@code patience}
 * epochs without a better score.
 */
public record SasRecValidation(Sequences histories, int[] targets, int patience) {

    public SasRecValidation {
        Objects.requireNonNull(histories, "histories");
        Objects.requireNonNull(targets, "targets");
        if (targets.length != histories.users()) {
            throw new IllegalArgumentException("targets has " + targets.length + " entries for " + histories.users() + " histories");
        }
        for (int u = 0; u < targets.length; u++) {
            if (targets[u] < 0 || targets[u] >= histories.itemCount()) {
                throw new IllegalArgumentException("targets[" + u + "] is item " + targets[u] + ", outside 0.." + (histories.itemCount() - 1));
            }
        }
        if (patience < 1) throw new IllegalArgumentException("patience must be at least 1, got " + patience);
    }

    /**
     * Leave-one-out validation from full histories: each user's last item is the target and the items before it
     * the history; users with fewer than {@code minLength} items are left out.
     */
    public static SasRecValidation lastItemOf(Sequences full, int minLength, int patience) {
        int kept = 0;
        for (int[] h : full.histories()) if (h.length >= Math.max(1, minLength)) kept++;
        int[][] histories = new int[kept][];
        int[] targets = new int[kept];
        int i = 0;
        for (int[] h : full.histories()) {
            if (h.length < Math.max(1, minLength)) continue;
            histories[i] = Arrays.copyOf(h, h.length - 1);
            targets[i++] = h[h.length - 1];
        }
        return new SasRecValidation(new Sequences(histories, full.itemCount()), targets, patience);
    }

    /**
     * At most {@code users} of these histories with their targets, drawn without replacement by {@code seed}, in their
     * original order: validating every epoch on a sample keeps early stopping cheap on large catalogues.
     */
    public SasRecValidation sample(int users, long seed) {
        if (users < 1) throw new IllegalArgumentException("users must be at least 1, got " + users);
        int n = histories.users();
        if (users >= n) return this;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < users; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = Arrays.copyOf(order, users);
        Arrays.sort(chosen);
        int[][] h = new int[users][];
        int[] t = new int[users];
        for (int i = 0; i < users; i++) {
            h[i] = histories.history(chosen[i]);
            t[i] = targets[chosen[i]];
        }
        return new SasRecValidation(new Sequences(h, histories.itemCount()), t, patience);
    }
}
