package io.aisle.content.rank;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.Actor;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ContentExperimentTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static ShopperEvent event(EventName name, Actor a, String product, int n) {
        return new ShopperEvent(EventId.of("e-" + a.key().substring(2) + "-" + name.wire() + "-" + n), name, a, "s", START.plusSeconds(n + 1),
                List.of(EventItem.of(product)), null, null, null, null, null, null, null, null);
    }

    @Test void serves_each_shopper_one_variant_attributes_their_events_and_promotes_the_clear_winner() {
        ContentExperiment exp = ContentExperiment.start(ProductId.of("MH01"), List.of("old copy", "new copy"), START);
        assertThat(exp.experiment().surface()).isEqualTo(ContentExperiment.SURFACE);
        assertThat(exp.experiment().control().name()).isEqualTo("control");
        Random r = new Random(5);
        for (int i = 0; i < 4000; i++) {
            Actor a = Actor.anonymous("shopper-" + i);
            String variant = exp.assign(a.key()).variant();
            assertThat(exp.assign(a.key()).variant()).isEqualTo(variant);
            exp.observe(event(EventName.VIEW_ITEM_LIST, a, "MH01", i));
            exp.observe(event(EventName.VIEW_ITEM_LIST, a, "OTHER", i));
            double ctr = variant.equals("control") ? 0.03 : 0.08;
            if (r.nextDouble() < ctr) {
                exp.observe(event(EventName.SELECT_ITEM, a, "MH01", i));
                exp.observe(event(EventName.VIEW_ITEM, a, "MH01", i));
                exp.observe(event(EventName.ADD_TO_CART, a, "MH01", i));
            }
        }
        List<ServedOutcome> o = exp.outcomes(List.of(), Locale.ENGLISH);
        assertThat(o).extracting(ServedOutcome::variant).containsExactly("control", "v1");
        assertThat(o.get(0).impressions() + o.get(1).impressions()).isEqualTo(4000);
        assertThat(o.get(0).impressions()).isBetween(1800L, 2200L);
        assertThat(o.get(1).text()).isEqualTo("new copy");
        assertThat(o.get(1).carts()).isEqualTo(o.get(1).clicks());
        assertThat(exp.winner()).contains("v1");
    }

    @Test void calls_no_winner_before_every_variant_has_enough_impressions() {
        ContentExperiment exp = ContentExperiment.start(ProductId.of("MH01"), List.of("a", "b"), START);
        Actor a = Actor.anonymous("one");
        exp.observe(event(EventName.VIEW_ITEM_LIST, a, "MH01", 0));
        exp.observe(event(EventName.SELECT_ITEM, a, "MH01", 0));
        assertThat(exp.winner()).isEmpty();
    }
}
