package io.aisle.recommend.model;

import io.aisle.recommend.data.Sequences;

/** Where each item occurs: (user, position) pairs grouped by item, so item-by-item statistics are built row by row. */
final class Occurrences {
    final int[][] users;
    final int[][] positions;

    private Occurrences(int[][] users, int[][] positions) {
        this.users = users;
        this.positions = positions;
    }

    static Occurrences of(Sequences data) {
        int[] counts = data.itemCounts();
        int items = data.itemCount();
        int[][] users = new int[items][];
        int[][] positions = new int[items][];
        for (int i = 0; i < items; i++) {
            users[i] = new int[counts[i]];
            positions[i] = new int[counts[i]];
        }
        int[] fill = new int[items];
        for (int u = 0; u < data.users(); u++) {
            int[] h = data.history(u);
            for (int p = 0; p < h.length; p++) {
                int i = h[p];
                users[i][fill[i]] = u;
                positions[i][fill[i]++] = p;
            }
        }
        return new Occurrences(users, positions);
    }
}
