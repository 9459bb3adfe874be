package io.aisle.features.feature;

import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.feature.EntityKind;
import io.aisle.core.feature.EntityRef;
import io.aisle.core.feature.FeatureVector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static io.aisle.core.event.EventName.ADD_TO_CART;
import static io.aisle.core.event.EventName.PAGE_VIEW;
import static io.aisle.core.event.EventName.PURCHASE;
import static io.aisle.core.event.EventName.VIEW_ITEM;
import static io.aisle.features.feature.TinyShop.T0;
import static io.aisle.features.feature.TinyShop.event;
import static io.aisle.features.feature.TinyShop.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeaturePipelineTest {
    private static final Duration HALF_LIFE = SignalWeights.defaults().halfLife();

    private static FeaturePipeline pipeline() { return FeaturePipeline.standard(TinyShop.ITEMS); }

    @Test
    void a_decayed_value_halves_every_half_life() {
        FeaturePipeline p = pipeline();
        p.accept(event(PURCHASE, "u1", T0, item("P1", "100.00", 1))); // signal weight 5
        EntityRef shopper = EntityRef.shopper("s:u1");
        assertThat(p.get(shopper).value("engagement_decayed")).isEqualTo(5.0);
        assertThat(p.getAt(shopper, T0.plus(HALF_LIFE)).value("engagement_decayed")).isEqualTo(2.5);
        assertThat(p.getAt(shopper, T0.plus(HALF_LIFE.multipliedBy(3))).value("engagement_decayed")).isEqualTo(0.625);
        // A second event one half-life later: the first counts half.
        p.accept(event(ADD_TO_CART, "u1", T0.plus(HALF_LIFE), item("P1"))); // weight 3
        assertThat(p.get(shopper).value("engagement_decayed")).isEqualTo(5.5);
        // A late event, stamped between the two, decays from its own time.
        p.accept(event(ADD_TO_CART, "u1", T0.plus(HALF_LIFE.dividedBy(2)), item("P1")));
        assertThat(p.get(shopper).value("engagement_decayed")).isCloseTo(5.5 + 3 * Math.sqrt(0.5), within(1e-12));
    }

    @Test
    void a_sliding_window_holds_its_length_plus_the_current_bucket() {
        FeaturePipeline p = pipeline();
        Instant hour = T0.plus(Duration.ofDays(3)); // an hour boundary
        p.accept(event(VIEW_ITEM, "u1", hour.minus(Duration.ofHours(24)), item("P1")));               // exactly 24 h before
        p.accept(event(VIEW_ITEM, "u1", hour.minus(Duration.ofHours(24)).minusMillis(1), item("P1"))); // 1 ms more
        EntityRef p1 = EntityRef.item("P1");
        assertThat(p.getAt(p1, hour).value("views_24h")).isEqualTo(1);
        // 59 minutes later the current bucket began at `hour`: the window start has not moved.
        assertThat(p.getAt(p1, hour.plus(Duration.ofMinutes(59))).value("views_24h")).isEqualTo(1);
        assertThat(p.getAt(p1, hour.plus(Duration.ofHours(1))).value("views_24h")).isZero();
        assertThat(p.getAt(p1, hour.plus(Duration.ofHours(1))).value("views_7d")).isEqualTo(2);
        assertThat(p.getAt(p1, hour.plus(Duration.ofDays(8))).value("views_7d")).isZero();
    }

    @Test
    void a_late_event_counts_in_its_own_bucket_and_one_older_than_every_window_is_ignored() {
        FeaturePipeline p = pipeline();
        EntityRef p1 = EntityRef.item("P1");
        p.accept(event(VIEW_ITEM, "u1", T0.plus(Duration.ofDays(40)), item("P1")));
        p.accept(event(VIEW_ITEM, "u2", T0.plus(Duration.ofDays(40)).minus(Duration.ofHours(3)), item("P1"))); // 3 h late
        p.accept(event(VIEW_ITEM, "u3", T0, item("P1")));                                                      // 40 days late
        FeatureVector v = p.get(p1);
        assertThat(v.value("views_1h")).isEqualTo(1);
        assertThat(v.value("views_24h")).isEqualTo(2);
        assertThat(v.value("views_30d")).isEqualTo(2);
        // Not in any item window, but the shopper's recency still sees it.
        assertThat(p.get(EntityRef.shopper("s:u3")).value("days_since_last_event")).isEqualTo(40);
    }

    @Test
    void variants_count_towards_their_listing() {
        FeaturePipeline p = pipeline();
        p.accept(event(PURCHASE, "u1", T0, item("P3-V", "35.00", 2)));
        assertThat(p.get(EntityRef.item("P3")).value("units_sold_30d")).isEqualTo(2);
        assertThat(p.get(EntityRef.item("P3-V")).value("units_sold_30d")).isEqualTo(2); // a variant reads its listing
        assertThat(p.get(EntityRef.item("P3")).value("revenue_30d")).isEqualTo(70);
    }

    @Test
    void shopper_features_read_prices_categories_and_brands_from_the_catalogue() {
        FeaturePipeline p = pipeline();
        p.accept(event(VIEW_ITEM, "u1", T0, item("P1", "100.00", 1)));                     // index 100 / 80
        p.accept(event(VIEW_ITEM, "u1", T0.plusSeconds(60), item("P3", "26.00", 1)));      // index 26 / 32.5
        p.accept(event(PURCHASE, "u1", T0.plusSeconds(120), item("P3", "26.00", 1), item("P2", "60.00", 1)));
        FeatureVector u1 = p.get(EntityRef.shopper("s:u1"));
        assertThat(u1.value("price_index_viewed_30d")).isCloseTo((1.25 + 0.8) / 2, within(1e-12));
        assertThat(u1.value("discount_share_purchased_lifetime")).isEqualTo(0.5); // P3 below its list price of 30
        assertThat(u1.value("spend_lifetime")).isEqualTo(86);
        assertThat(u1.value("avg_order_value_lifetime")).isEqualTo(86);
        assertThat(u1.value("distinct_categories_30d")).isEqualTo(2);

        List<FeatureVector> categories = p.ofShopper("s:u1", EntityKind.SHOPPER_CATEGORY);
        assertThat(categories).extracting(v -> v.entity().qualifier()).containsExactly(TinyShop.KITCHEN, TinyShop.RUNNING);
        assertThat(categories.stream().mapToDouble(v -> v.value("affinity")).sum()).isCloseTo(1, within(1e-12));
        // Kitchen: view 1 + purchase 5; running: view 1 + purchase 5 of P2; all within two minutes, so barely decayed.
        assertThat(categories.get(0).value("affinity")).isCloseTo(0.5, within(1e-5));
        assertThat(p.ofShopper("s:u1", EntityKind.SHOPPER_BRAND)).extracting(v -> v.entity().qualifier()).containsExactly("Acme", "Zoom");
        assertThat(p.get(EntityRef.shopperBrand("s:u1", "Acme")).value("affinity")).isCloseTo(7.0 / 12, within(1e-5));
    }

    @Test
    void unknown_entities_read_as_no_data() {
        FeaturePipeline p = pipeline();
        assertThat(p.asOf()).isEmpty();
        p.accept(event(PAGE_VIEW, "u1", T0));
        assertThat(p.asOf()).contains(T0);
        FeatureVector nobody = p.get(EntityRef.shopper("s:nobody"));
        assertThat(nobody.asOf()).isEqualTo(T0);
        assertThat(nobody.values()).containsKeys("spend_30d", "days_since_last_event");
        assertThat(nobody.value("spend_30d")).isZero();
        assertThat(nobody.value("days_since_last_event")).isNaN();
        assertThat(nobody.valueOr("avg_order_value_lifetime", -1)).isEqualTo(-1);
        assertThat(p.get(EntityRef.item("P404")).value("ctr_7d")).isNaN();
        assertThat(p.get(EntityRef.shopperCategory("s:u1", "Nowhere")).value("affinity")).isNaN();
    }

    @Test
    void state_cannot_be_read_before_the_newest_event() {
        FeaturePipeline p = pipeline();
        p.accept(event(PAGE_VIEW, "u1", T0));
        assertThatThrownBy(() -> p.getAt(EntityRef.shopper("s:u1"), T0.minusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the newest event");
        assertThat(p.getAt(EntityRef.shopper("s:u1"), T0.plus(Duration.ofDays(2))).value("days_since_last_event")).isEqualTo(2);
    }

    @Test
    void forgetting_a_shopper_removes_their_entities_and_keeps_item_totals() {
        FeaturePipeline p = pipeline();
        p.accept(event(PURCHASE, "u1", T0, item("P1", "100.00", 1)));
        p.accept(event(PURCHASE, "u2", T0.plusSeconds(1), item("P1", "100.00", 1)));
        FeatureVector blank = p.get(EntityRef.shopper("s:nobody"));
        p.forget(Set.of("s:u1"));
        assertThat(p.get(EntityRef.shopper("s:u1")).values()).isEqualTo(blank.values());
        assertThat(p.ofShopper("s:u1", EntityKind.SHOPPER_CATEGORY)).isEmpty();
        assertThat(p.ofShopper("s:u1", EntityKind.SHOPPER_BRAND)).isEmpty();
        assertThat(p.get(EntityRef.shopperBrand("s:u1", "Acme")).value("signal_decayed")).isZero();
        assertThat(p.get(EntityRef.shopper("s:u2")).value("purchases_lifetime")).isEqualTo(1);
        assertThat(p.get(EntityRef.item("P1")).value("purchases_30d")).isEqualTo(2);
        assertThat(p.stats().shoppers()).isEqualTo(1);
        p.reset();
        assertThat(p.stats().items()).isZero();
        assertThat(p.asOf()).isEmpty();
    }

    @Test
    void replays_with_different_page_sizes_give_identical_values() {
        List<LoggedEvent> log = SimulatedWorld.SMALL.inArrivalOrder(3, Duration.ofMinutes(2), 0.01, Duration.ofHours(1));
        FeaturePipeline a = pipeline(), b = pipeline();
        replay(a, log, 1_000);
        b.apply(log.getFirst()); // state left by an earlier run, then a full rebuild
        b.reset();
        replay(b, log, 7_919);
        assertThat(a.asOf()).isEqualTo(b.asOf());
        int compared = 0;
        for (ShopperEvent e : SimulatedWorld.SMALL.events().subList(0, 3_000)) {
            for (EntityRef ref : List.of(EntityRef.shopper(e.actor().key()), e.items().isEmpty() ? EntityRef.item("none") : EntityRef.item(e.items().getFirst().itemId()))) {
                assertThat(b.get(ref)).isEqualTo(a.get(ref)); // equal records: bit-identical values
                compared++;
            }
            for (EntityKind kind : List.of(EntityKind.SHOPPER_CATEGORY, EntityKind.SHOPPER_BRAND)) {
                assertThat(b.ofShopper(e.actor().key(), kind)).isEqualTo(a.ofShopper(e.actor().key(), kind));
            }
        }
        assertThat(compared).isEqualTo(6_000);
    }

    private static void replay(FeaturePipeline p, List<LoggedEvent> log, int page) {
        for (int from = 0; from < log.size(); from += page) p.applyAll(log.subList(from, Math.min(log.size(), from + page)));
    }

    @Test
    void state_per_entity_is_bounded() {
        FeaturePipeline p = pipeline();
        // The standard catalogue's worst cases (every bucket of every window filled); see the README.
        assertThat(p.maxStateBytes(EntityKind.ITEM)).isLessThan(30_000);
        assertThat(p.maxStateBytes(EntityKind.SHOPPER)).isLessThan(12_000);
        assertThat(p.maxStateBytes(EntityKind.SHOPPER_CATEGORY)).isLessThan(1_000);
        assertThat(p.maxStateBytes(EntityKind.SHOPPER_BRAND)).isLessThan(200);
        // A hot item: a view every minute for 20 days (every hourly bucket of a week filled) stays within the bound.
        for (int minute = 0; minute < 20 * 24 * 60; minute++) {
            p.accept(event(VIEW_ITEM, "u" + minute % 50, T0.plus(Duration.ofMinutes(minute)), item("P1", "100.00", 1)));
        }
        assertThat(p.stats().itemBytes()).isLessThanOrEqualTo(p.maxStateBytes(EntityKind.ITEM) + 48);
        // Read 59 minutes into an hour: the 24 hours before it plus those 59 minutes (60 views).
        assertThat(p.get(EntityRef.item("P1")).value("views_24h")).isEqualTo(24 * 60 + 60);
    }

    @Test
    void readers_on_other_threads_see_consistent_vectors_while_events_apply() throws InterruptedException {
        FeaturePipeline p = pipeline();
        List<LoggedEvent> log = SimulatedWorld.SMALL.inTimeOrder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 5_000; i++) {
                        ShopperEvent e = log.get(i % log.size()).event();
                        FeatureVector v = p.get(EntityRef.shopper(e.actor().key()));
                        if (v.value("purchases_30d") > v.value("purchases_lifetime")) throw new AssertionError("30 days above lifetime: " + v);
                        p.ofShopper(e.actor().key(), EntityKind.SHOPPER_CATEGORY);
                        if (!e.items().isEmpty()) p.get(EntityRef.item(e.items().getFirst().itemId()));
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }));
        }
        for (LoggedEvent e : log) p.apply(e);
        for (Thread t : readers) t.join();
        assertThat(failure.get()).isNull();
    }
}
