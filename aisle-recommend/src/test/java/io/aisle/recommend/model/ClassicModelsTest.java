package io.aisle.recommend.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.eval.TopItems;
import org.junit.jupiter.api.Test;

class ClassicModelsTest {
    // Two worlds: items 0-4 follow each other in order; items 5-9 co-occur in any order. Item 9 is the most popular.
    static Sequences data() {
        int[][] h = new int[60][];
        for (int u = 0; u < 30; u++) {
            int start = u % 4;
            h[u] = new int[] {start, start + 1, 9};
        }
        for (int u = 30; u < 60; u++) h[u] = new int[] {5 + (u % 4), 9, 5 + ((u + 1) % 4), 9};
        return new Sequences(h, 10);
    }

    @Test void transitions_predict_the_item_that_follows_the_last_one() {
        Transitions t = Transitions.train(data(), Transitions.Config.defaults().withBackward(0).withTargetNorm(0));
        float[] s = new float[10];
        t.score(new int[] {1}, s);
        int[] top = TopItems.of(s, 2);
        assertThat(top).contains(2);
        assertThat(s[2]).isGreaterThan(s[0]); // forward links outweigh the absent backward ones
        t.score(new int[] {5}, s);
        assertThat(s[9]).isGreaterThan(s[3]);
    }

    @Test void transitions_weigh_recent_history_items_more() {
        Transitions t = Transitions.train(data(), Transitions.Config.defaults().withBackward(0).withRecency(0.3));
        float[] s = new float[10];
        t.score(new int[] {0, 2}, s); // 1 follows 0 (older), 3 follows 2 (most recent)
        assertThat(s[3]).isGreaterThan(s[1]);
    }

    @Test void item_knn_links_items_bought_by_the_same_people() {
        ItemKnn knn = ItemKnn.train(data(), ItemKnn.Config.defaults());
        float[] s = new float[10];
        knn.score(new int[] {6}, s);
        assertThat(s[7] + s[5]).isGreaterThan(0);
        assertThat(s[1]).isZero(); // never co-occurs with 6
    }

    @Test void ease_scores_co_occurring_items_above_unrelated_ones() {
        Ease ease = Ease.train(data(), 1.0);
        float[] s = new float[10];
        ease.score(new int[] {6}, s);
        assertThat(s[9]).isGreaterThan(s[1]);
        assertThat(s[6]).isZero(); // the diagonal is constrained to zero
    }

    @Test void popularity_is_the_same_for_everyone() {
        Popularity p = Popularity.train(data());
        float[] a = new float[10];
        float[] b = new float[10];
        p.score(new int[] {1}, a);
        p.score(new int[] {7, 8}, b);
        assertThat(a).containsExactly(b);
        assertThat(TopItems.of(a, 1)[0]).isEqualTo(9);
    }

    @Test void settings_are_validated_with_the_field_named() {
        assertThatThrownBy(() -> Transitions.Config.defaults().withDecay(0)).hasMessageContaining("decay");
        assertThatThrownBy(() -> new ItemKnn.Config(0, 0.5, 1)).hasMessageContaining("neighbours");
        assertThatThrownBy(() -> Ease.train(data(), 0)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> new Sequences(new int[][] {{0, 12}}, 10)).hasMessageContaining("histories[0]");
    }
}
