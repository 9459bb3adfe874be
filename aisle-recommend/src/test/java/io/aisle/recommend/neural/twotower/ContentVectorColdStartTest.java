package io.aisle.recommend.neural.twotower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aisle.recommend.data.ItemContent;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContentVectorColdStartTest {

    @Test
    void places_a_new_item_from_its_dense_content_vector() {
        GroupedShoppers data = GroupedShoppers.create(20, 2, 300, true, 9L);
        // Only noise attributes: the group is known through the dense vectors alone.
        int[][] noise = new int[data.content().items()][];
        for (int i = 0; i < noise.length; i++) noise[i] = new int[] {data.content().attributes()[i][1]};
        ItemContent content = new ItemContent(noise, data.content().attributeCount(), data.content().vectors());
        try (TwoTowerModel model = TwoTowerTrainer.train(data.sequences(), content, GroupedShoppers.smallConfig(), TrainingListener.none())) {
            SplittableRandom random = new SplittableRandom(3);
            for (int group = 0; group < GroupedShoppers.GROUPS; group++) {
                float[] v = model.itemVector(new int[0], GroupedShoppers.groupVector(group, random));
                float[] scores = new float[model.itemCount()];
                model.score(data.history(group), scores);
                float[] shopper = model.shopperVector(data.history(group));
                float[] other = model.shopperVector(data.history(1 - group));
                assertThat(dot(v, shopper)).as("group %d", group).isGreaterThan(dot(v, other));
            }
            assertThatThrownBy(() -> model.itemVector(new int[0], new float[5])).hasMessageContaining("contentVector has length 5");
        }
    }

    @Test
    void refuses_content_vectors_of_mixed_lengths() {
        GroupedShoppers data = GroupedShoppers.create(5, 1, 20, true, 9L);
        float[][] vectors = data.content().vectors().clone();
        vectors[3] = new float[7];
        ItemContent content = new ItemContent(data.content().attributes(), data.content().attributeCount(), vectors);
        assertThatThrownBy(() -> TwoTowerTrainer.train(data.sequences(), content, GroupedShoppers.smallConfig(), TrainingListener.none()))
                .hasMessageContaining("content vectors[3] has length 7");
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }
}
