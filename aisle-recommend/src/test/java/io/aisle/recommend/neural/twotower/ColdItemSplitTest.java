package io.aisle.recommend.neural.twotower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class ColdItemSplitTest {

    @Test
    void hides_the_asked_share_of_items_the_same_way_each_time() {
        ColdItemSplit split = new ColdItemSplit(0.1, 3);
        BitSet cold = split.coldItems(200);
        assertThat(cold.cardinality()).isEqualTo(20);
        assertThat(split.coldItems(200)).isEqualTo(cold);
        assertThat(new ColdItemSplit(0.1, 4).coldItems(200)).isNotEqualTo(cold);
    }

    @Test
    void ranks_cold_items_from_content_better_than_chance_while_popularity_cannot() {
        GroupedShoppers data = GroupedShoppers.create(40, 0, 600, false, 11L);
        ColdItemSplit.Result result = new ColdItemSplit(0.25, 5).run(data.sequences(), data.content(),
                GroupedShoppers.smallConfig(), TrainingListener.none());
        assertThat(result.coldItems()).isEqualTo(20);
        assertThat(result.events()).isGreaterThan(50);
        assertThat(result.popularity().hr10()).isZero();
        // Among the 20 cold items about half share the shopper's group, so content should roughly double chance.
        assertThat(result.twoTowerAmongCold().ndcg10()).isGreaterThan(1.5 * result.randomAmongCold().ndcg10());
        assertThat(result.twoTowerAmongCold().hr10()).isGreaterThan(result.randomAmongCold().hr10());
    }

    @Test
    void expected_figures_of_a_random_order() {
        RankFigures r = ColdItemSplit.randomAmong(20, 7);
        assertThat(r.hr10()).isEqualTo(0.5);
        assertThat(r.events()).isEqualTo(7);
        assertThat(ColdItemSplit.randomAmong(5, 1).hr10()).isEqualTo(1.0);
    }

    @Test
    void refuses_a_fraction_out_of_range() {
        assertThatThrownBy(() -> new ColdItemSplit(0, 1)).hasMessageStartingWith("fraction must be in (0, 0.5]");
        assertThatThrownBy(() -> new ColdItemSplit(0.9, 1)).hasMessageStartingWith("fraction");
    }
}
