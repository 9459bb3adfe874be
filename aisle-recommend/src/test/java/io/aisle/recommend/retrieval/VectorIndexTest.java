package io.aisle.recommend.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class VectorIndexTest {

    private static float[][] random(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] v = new float[n][d];
        for (float[] row : v) for (int k = 0; k < d; k++) row[k] = (float) r.nextGaussian();
        return v;
    }

    private static List<Integer> items(List<Neighbour> found) {
        return found.stream().map(Neighbour::item).toList();
    }

    @Test
    void finds_what_exact_search_finds_on_small_data() {
        float[][] vectors = random(1000, 16, 1);
        ExactSearch exact = new ExactSearch(vectors);
        try (VectorIndex index = new VectorIndex(16)) {
            index.addAll(vectors);
            assertThat(index.size()).isEqualTo(1000);
            for (float[] q : random(20, 16, 2)) {
                List<Neighbour> approximate = index.nearest(q, 10);
                List<Neighbour> expected = exact.nearest(q, 10, i -> true);
                assertThat(items(approximate)).containsExactlyElementsOf(items(expected));
                for (int i = 0; i < 10; i++) {
                    assertThat(approximate.get(i).score()).isCloseTo(expected.get(i).score(), Offset.offset(1e-5f));
                }
            }
        }
    }

    @Test
    void keeps_out_items_the_filter_refuses() {
        float[][] vectors = random(300, 8, 3);
        ExactSearch exact = new ExactSearch(vectors);
        try (VectorIndex index = new VectorIndex(8)) {
            index.addAll(vectors);
            float[] q = vectors[7];
            assertThat(index.nearest(q, 1).getFirst().item()).isEqualTo(7);
            List<Neighbour> odd = index.nearest(q, 5, i -> i % 2 == 1);
            assertThat(odd).allSatisfy(n -> assertThat(n.item() % 2).isEqualTo(1));
            assertThat(items(odd)).isEqualTo(items(exact.nearest(q, 5, i -> i % 2 == 1)));
            // A filter passing fewer than k items returns just those.
            assertThat(items(index.nearest(q, 5, i -> i == 3 || i == 250))).containsExactlyInAnyOrder(3, 250);
        }
    }

    @Test
    void sees_replaced_added_and_removed_items() {
        float[][] vectors = random(100, 4, 5);
        try (VectorIndex index = new VectorIndex(4)) {
            index.addAll(vectors);
            float[] q = {1, 0, 0, 0};
            index.replace(42, new float[] {3, 0, 0, 0});
            assertThat(index.nearest(q, 1).getFirst()).isEqualTo(new Neighbour(42, 1f));
            index.add(500, new float[] {0.5f, 0, 0, 0});
            assertThat(items(index.nearest(q, 2))).containsExactlyInAnyOrder(42, 500);
            index.remove(42);
            assertThat(index.nearest(q, 1).getFirst().item()).isEqualTo(500);
            assertThat(index.contains(42)).isFalse();
            assertThat(index.size()).isEqualTo(100);
        }
    }

    @Test
    void refuses_bad_input_naming_it() {
        try (VectorIndex index = new VectorIndex(3)) {
            index.add(0, new float[] {1, 0, 0});
            assertThatThrownBy(() -> index.add(0, new float[] {0, 1, 0})).hasMessageContaining("item 0 is already in the index");
            assertThatThrownBy(() -> index.add(1, new float[] {0, 1})).hasMessageContaining("vector has length 2");
            assertThatThrownBy(() -> index.add(-1, new float[] {0, 1, 0})).hasMessageContaining("item must be >= 0");
            assertThatThrownBy(() -> index.replace(1, new float[] {Float.NaN, 1, 0})).hasMessageContaining("vector[0] is NaN");
            assertThatThrownBy(() -> index.nearest(new float[] {1, 0, 0}, 0)).hasMessageContaining("k must be at least 1");
            assertThatThrownBy(() -> index.nearest(new float[] {1, 0}, 1)).hasMessageContaining("query has length 2");
        }
        assertThatThrownBy(() -> new VectorIndex(0)).hasMessageContaining("dimension must be in 1..1024");
    }

    @Test
    void an_empty_index_finds_nothing() {
        try (VectorIndex index = new VectorIndex(3)) {
            assertThat(index.nearest(new float[] {1, 0, 0}, 3)).isEmpty();
        }
    }
}
