package io.aisle.recommend.eval;

import io.aisle.recommend.data.Sequences;

/**
 * The leave-one-out split: per user the last item is the test target and the second-last the validation target.
 * Validation scores histories without their last two items; test scores histories without the last one.
 * Users with fewer than three items have no validation case and fewer than two no test case.
 */
public record LeaveOneOut(Sequences all, Sequences validationTraining, Sequences testTraining) {

    public static LeaveOneOut of(Sequences all) {
        return new LeaveOneOut(all, all.dropLast(2), all.dropLast(1));
    }

    /** Histories as seen before each validation target, with the target per user (-1 where there is none). */
    public Cases validation() { return cases(2); }

    /** Histories as seen before each test target, with the target per user. */
    public Cases test() { return cases(1); }

    private Cases cases(int fromEnd) {
        int users = all.users();
        int[][] histories = new int[users][];
        int[] targets = new int[users];
        for (int u = 0; u < users; u++) {
            int[] h = all.history(u);
            int t = h.length - fromEnd;
            histories[u] = t >= 1 ? java.util.Arrays.copyOf(h, t) : new int[0];
            targets[u] = t >= 1 ? h[t] : -1;
        }
        return new Cases(histories, targets, all.itemCount());
    }

    /** Evaluation cases: a history and the item that came next (-1 for none). */
    public record Cases(int[][] histories, int[] targets, int itemCount) {
        public int size() { return targets.length; }

        /** Number of users that have a target. */
        public int count() {
            int n = 0;
            for (int t : targets) if (t >= 0) n++;
            return n;
        }
    }
}
