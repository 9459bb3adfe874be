package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.Actor;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.embeddings.Neighbour;
import io.aisle.embeddings.behaviour.AlsParams;
import io.aisle.embeddings.behaviour.BehaviourModel;
import io.aisle.embeddings.behaviour.BehaviourTrainer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BehaviourIndexTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** 300 shoppers over 60 items in 6 taste groups, so the vectors have structure. */
    private static BehaviourModel model() {
        List<ShopperEvent> events = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        int n = 0;
        for (int s = 0; s < 300; s++) {
            int group = s % 6;
            for (int k = 0; k < 8; k++) {
                String item = "I" + (group * 10 + random.nextInt(10));
                events.add(new ShopperEvent(EventId.of("e" + n), EventName.VIEW_ITEM, Actor.shopper("u" + s), "s" + s,
                        T0.plusSeconds(n++), List.of(EventItem.of(item)), null, null, null, null, null, null, null, null));
            }
        }
        return new BehaviourTrainer(AlsParams.defaults().withFactors(8), SignalWeights.defaults()).train(events, T0.plusSeconds(n + 1));
    }

    @Test void scanOfTheHeadAgreesWithTheModelsOwnScan() {
        BehaviourModel model = model();
        List<ProductId> all = new ArrayList<>(model.ids());
        BehaviourIndex index = BehaviourIndex.build(model, all);
        assertThat(index.size()).isEqualTo(all.size());
        for (ProductId id : all.subList(0, 10)) {
            // Same scores in the same order; items of one taste group tie to within float rounding, so ids may swap.
            List<Neighbour> mine = index.similar(id, 5);
            List<Neighbour> theirs = model.similar(id, 5);
            assertThat(mine).hasSameSizeAs(theirs).extracting(Neighbour::id).doesNotContain(id);
            for (int i = 0; i < mine.size(); i++) assertThat(mine.get(i).similarity()).isCloseTo(theirs.get(i).similarity(), within(1e-4));
        }
    }

    @Test void onlyTheListedItemsAreSearchedAndExclusionsHold() {
        BehaviourModel model = model();
        List<ProductId> head = new ArrayList<>(model.ids()).subList(0, 20);
        BehaviourIndex index = BehaviourIndex.build(model, List.of(head.get(0), head.get(1), head.get(2), ProductId.of("UNKNOWN")));
        assertThat(index.size()).isEqualTo(3);
        float[] q = model.vector(head.get(0)).orElseThrow();
        assertThat(index.nearest(q, 10, Set.of(head.get(1)))).extracting(Neighbour::id).containsExactlyInAnyOrder(head.get(0), head.get(2));
        assertThat(index.nearest(q, 1, Set.of()).getFirst().id()).isEqualTo(head.get(0));
    }
}
