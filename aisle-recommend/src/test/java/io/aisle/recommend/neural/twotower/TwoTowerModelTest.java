package io.aisle.recommend.neural.twotower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aisle.recommend.data.ItemContent;
import io.aisle.recommend.retrieval.ExactSearch;
import io.aisle.recommend.retrieval.Neighbour;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoTowerModelTest {
    private final GroupedShoppers data = GroupedShoppers.create(20, 2, 300, false, 5L);
    private TwoTowerModel model;
    private final List<TrainingListener.Epoch> epochs = new ArrayList<>();

    @BeforeAll
    void train() {
        model = TwoTowerTrainer.train(data.sequences(), data.content(), GroupedShoppers.smallConfig(), epochs::add);
    }

    @AfterAll
    void close() {
        model.close();
    }

    @Test
    void reports_every_epoch_and_the_loss_falls() {
        assertThat(epochs).hasSize(GroupedShoppers.smallConfig().epochs());
        assertThat(epochs.getLast().loss()).isLessThan(epochs.getFirst().loss());
        assertThat(model.name()).isEqualTo("two-tower");
    }

    @Test
    void ranks_the_shoppers_group_first() {
        for (int group = 0; group < GroupedShoppers.GROUPS; group++) {
            float[] scores = new float[model.itemCount()];
            model.score(data.history(group), scores);
            int[] top = topWarm(scores, 10);
            for (int item : top) assertThat(data.groupOf(item)).as("group of item %d", item).isEqualTo(group);
        }
    }

    @Test
    void places_a_cold_item_near_its_group_from_attributes_alone() {
        int coldItem = data.perGroup() - 1; // group 0, never in a history
        assertThat(model.trainingCount(coldItem)).isZero();
        float[] v = model.itemVector(new int[] {0, GroupedShoppers.GROUPS}, null);
        assertThat(meanCosine(v, 0)).isGreaterThan(meanCosine(v, 1) + 0.2);
        // The stored vector of a cold item is its content-only vector.
        float[] stored = model.itemVector(coldItem);
        float[] fromContent = model.itemVector(data.content().attributes()[coldItem], null);
        assertThat(stored).containsExactly(fromContent, org.assertj.core.data.Offset.offset(1e-6f));
        // And a shopper of group 0 prefers it to the cold item of group 1.
        float[] scores = new float[model.itemCount()];
        model.score(data.history(0), scores);
        assertThat(scores[coldItem]).isGreaterThan(scores[2 * data.perGroup() - 1]);
    }

    @Test
    void retrieves_what_exact_search_finds_without_the_history() {
        int[] history = data.history(1);
        List<Neighbour> approximate = model.retrieve(history, 5);
        ExactSearch exact = new ExactSearch(model.itemVectors());
        List<Neighbour> expected = exact.nearest(model.shopperVector(history), 5, i -> i != history[0] && i != history[1] && i != history[2]);
        assertThat(approximate).extracting(Neighbour::item).containsExactlyElementsOf(expected.stream().map(Neighbour::item).toList());
        assertThat(approximate).extracting(Neighbour::item).doesNotContain(history[0], history[1], history[2]);
        assertThat(approximate.getFirst().score()).isCloseTo(expected.getFirst().score(), org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void survives_a_save_and_load_round_trip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        try (TwoTowerModel loaded = TwoTowerModel.load(new ByteArrayInputStream(bytes.toByteArray()))) {
            float[] before = new float[model.itemCount()];
            float[] after = new float[loaded.itemCount()];
            model.score(data.history(0), before);
            loaded.score(data.history(0), after);
            assertThat(after).containsExactly(before);
            assertThat(loaded.itemVector(new int[] {1}, null)).containsExactly(model.itemVector(new int[] {1}, null));
        }
    }

    @Test
    void refuses_a_file_that_is_not_a_model() {
        assertThatThrownBy(() -> TwoTowerModel.load(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
                .isInstanceOf(IOException.class).hasMessageContaining("magic");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            model.save(bytes);
            byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), 100);
            TwoTowerModel.load(new ByteArrayInputStream(cut));
        }).isInstanceOf(IOException.class).hasMessageContaining("truncated");
    }

    @Test
    void refuses_bad_input_naming_it() {
        assertThatThrownBy(() -> model.score(new int[] {0}, new float[3])).hasMessageContaining("scores has length 3");
        assertThatThrownBy(() -> model.shopperVector(new int[] {model.itemCount()})).hasMessageContaining("history holds item");
        assertThatThrownBy(() -> model.itemVector(new int[] {99}, null)).hasMessageContaining("attributes holds 99");
        assertThatThrownBy(() -> model.itemVector(new int[] {0}, new float[3])).hasMessageContaining("contentVector");
        assertThatThrownBy(() -> model.retrieve(new int[] {0}, 0)).hasMessageContaining("k must be at least 1");
    }

    @Test
    void gives_a_shopper_without_history_the_average_shopper() {
        float[] v = model.shopperVector(new int[0]);
        double norm = 0;
        for (float x : v) norm += x * x;
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void refuses_content_for_another_catalogue() {
        assertThatThrownBy(() -> TwoTowerTrainer.train(data.sequences(), ItemContent.none(3), GroupedShoppers.smallConfig(), TrainingListener.none()))
                .hasMessageContaining("content has 3 items");
    }

    private int[] topWarm(float[] scores, int k) {
        return java.util.stream.IntStream.range(0, scores.length).boxed()
                .filter(i -> !data.isCold(i))
                .sorted((a, b) -> Float.compare(scores[b], scores[a]))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private double meanCosine(float[] v, int group) {
        double sum = 0;
        int n = 0;
        for (int i = group * data.perGroup(); i < (group + 1) * data.perGroup(); i++) {
            if (data.isCold(i)) continue;
            float[] w = model.itemVector(i);
            double dot = 0;
            for (int k = 0; k < v.length; k++) dot += v[k] * w[k];
            sum += dot;
            n++;
        }
        return sum / n;
    }
}
