package io.aisle.embeddings.shopper;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.Actor;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;
import io.aisle.embeddings.MapItemVectors;
import io.aisle.embeddings.Simulated;
import io.aisle.simulator.ShopperProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ShopperVectorsTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final SignalWeights WEIGHTS = SignalWeights.defaults();
    private static final MapItemVectors SPACE = new MapItemVectors(3)
            .put("shoe", 1, 0, 0).put("boot", 1, 0.2f, 0).put("coffee", 0, 1, 0).put("tent", 0, 0, 1);

    private final ShopperVectors vectors = new ShopperVectors(WEIGHTS, ShopperVectorParams.defaults());
    private long offset;
    private int ids;

    private void event(Actor actor, String session, EventName name, String item, Instant at) {
        ShopperEvent e = new ShopperEvent(EventId.of("e" + (++ids)), name, actor, session, at,
                item == null ? List.of() : List.of(EventItem.of(item)), null, null, null, null, null, null, null, null);
        vectors.apply(new LoggedEvent(++offset, at, e));
    }

    @Test
    void weighs_signals_by_strength_and_decays_them_with_the_half_life() {
        Actor a = Actor.shopper("u1");
        event(a, "s1", EventName.PURCHASE, "shoe", T0);
        event(a, "s2", EventName.VIEW_ITEM, "coffee", T0.plus(WEIGHTS.halfLife()));
        Map<ProductId, Double> s = vectors.longTermSignals("s:u1");
        assertThat(s.get(ProductId.of("shoe"))).isCloseTo(2.5, within(1e-9)); // 5, one half-life old
        assertThat(s.get(ProductId.of("coffee"))).isCloseTo(1.0, within(1e-9));
        float[] v = vectors.longTerm("s:u1", SPACE).orElseThrow();
        assertThat(v[0]).isGreaterThan(v[1]).isGreaterThan(0);
    }

    @Test
    void the_session_vector_follows_the_latest_session_only() {
        Actor a = Actor.shopper("u1");
        event(a, "s1", EventName.PURCHASE, "tent", T0);
        event(a, "s2", EventName.VIEW_ITEM, "coffee", T0.plus(Duration.ofDays(3)));
        event(a, "s2", EventName.PAGE_VIEW, null, T0.plus(Duration.ofDays(3).plusMinutes(1)));
        event(a, "s1-refund", EventName.REFUND, "tent", T0.plus(Duration.ofDays(4)));
        assertThat(vectors.sessionSignals("s:u1")).containsOnlyKeys(ProductId.of("coffee"));
        float[] session = vectors.session("s:u1", SPACE).orElseThrow();
        assertThat(session).containsExactly(0, 1, 0);
        // The refund still counts long-term: tent 5 (decayed) - 4.
        assertThat(vectors.longTermSignals("s:u1").get(ProductId.of("tent"))).isLessThan(1);
    }

    @Test
    void recent_items_weigh_more_within_a_session() {
        Actor a = Actor.anonymous("d1");
        event(a, "s1", EventName.VIEW_ITEM, "coffee", T0);
        event(a, "s1", EventName.VIEW_ITEM, "shoe", T0.plus(Duration.ofMinutes(20)));
        Map<ProductId, Double> s = vectors.sessionSignals("a:d1");
        assertThat(s.get(ProductId.of("coffee"))).isCloseTo(0.25, within(1e-9)); // two 10-minute half-lives
        assertThat(s.get(ProductId.of("shoe"))).isEqualTo(1.0);
    }

    @Test
    void a_login_stitches_the_device_history_to_the_shopper() {
        Actor device = Actor.anonymous("d1");
        Actor both = new Actor(ShopperId.of("u1"), AnonymousId.of("d1"));
        event(device, "s1", EventName.ADD_TO_CART, "tent", T0);
        event(both, "s2", EventName.PAGE_VIEW, null, T0.plus(Duration.ofDays(1)));
        event(device, "s3", EventName.VIEW_ITEM, "coffee", T0.plus(Duration.ofDays(2)));
        assertThat(vectors.longTermSignals("s:u1")).containsOnlyKeys(ProductId.of("tent"), ProductId.of("coffee"));
        assertThat(vectors.longTermSignals("a:d1")).isEqualTo(vectors.longTermSignals("s:u1"));
        assertThat(vectors.canonicalKey("a:d1")).isEqualTo("s:u1");
        assertThat(vectors.shoppers()).isEqualTo(1);
    }

    @Test
    void forget_removes_the_shopper_their_devices_and_nobody_else() {
        event(new Actor(ShopperId.of("u1"), AnonymousId.of("d1")), "s1", EventName.PURCHASE, "shoe", T0);
        event(Actor.anonymous("d2"), "s2", EventName.PURCHASE, "coffee", T0);
        vectors.forget(Set.of("s:u1"));
        assertThat(vectors.longTermSignals("s:u1")).isEmpty();
        assertThat(vectors.longTermSignals("a:d1")).isEmpty();
        assertThat(vectors.longTerm("s:u1", SPACE)).isEmpty();
        assertThat(vectors.canonicalKey("a:d1")).isEqualTo("a:d1");
        assertThat(vectors.longTermSignals("a:d2")).isNotEmpty();
        // A device-only erasure request also drops the shopper it was merged into.
        event(new Actor(ShopperId.of("u3"), AnonymousId.of("d3")), "s3", EventName.PURCHASE, "tent", T0);
        vectors.forget(Set.of("a:d3"));
        assertThat(vectors.longTermSignals("s:u3")).isEmpty();
    }

    @Test
    void reset_forgets_everything() {
        event(new Actor(ShopperId.of("u1"), AnonymousId.of("d1")), "s1", EventName.PURCHASE, "shoe", T0);
        vectors.reset();
        assertThat(vectors.shoppers()).isZero();
        assertThat(vectors.canonicalKey("a:d1")).isEqualTo("a:d1");
    }

    @Test
    void keeps_only_the_strongest_items_per_shopper() {
        ShopperVectors small = new ShopperVectors(WEIGHTS, new ShopperVectorParams(2, 2, Duration.ofMinutes(10)));
        Actor a = Actor.shopper("u1");
        int n = 0;
        for (String item : List.of("shoe", "coffee", "tent")) {
            EventName name = item.equals("coffee") ? EventName.VIEW_ITEM : EventName.PURCHASE;
            small.apply(new LoggedEvent(++n, T0, new ShopperEvent(EventId.of("e" + n), name, a, "s1", T0,
                    List.of(EventItem.of(item)), null, null, null, null, null, null, null, null)));
        }
        assertThat(small.longTermSignals("s:u1")).containsOnlyKeys(ProductId.of("shoe"), ProductId.of("tent"));
        assertThat(small.sessionSignals("s:u1")).containsOnlyKeys(ProductId.of("coffee"), ProductId.of("tent"));
    }

    @Test
    void replaying_the_same_events_rebuilds_the_same_state() {
        Simulated sim = new Simulated(1_000, 200, 60);
        ShopperVectors first = new ShopperVectors(WEIGHTS, ShopperVectorParams.defaults());
        ShopperVectors second = new ShopperVectors(WEIGHTS, ShopperVectorParams.defaults());
        long at = 0;
        for (ShopperEvent e : sim.events) first.apply(new LoggedEvent(++at, e.timestamp(), e));
        second.apply(new LoggedEvent(1, T0, sim.events.getFirst())); // some state that the reset must clear
        second.reset();
        at = 0;
        for (ShopperEvent e : sim.events) second.apply(new LoggedEvent(++at, e.timestamp(), e));
        assertThat(second.shoppers()).isEqualTo(first.shoppers()).isGreaterThan(150);
        for (int s = 0; s < 200; s++) {
            ShopperProfile p = sim.shoppers.profile(s);
            for (String key : p.actorKeys()) {
                assertThat(second.longTermSignals(key)).isEqualTo(first.longTermSignals(key));
                assertThat(second.sessionSignals(key)).isEqualTo(first.sessionSignals(key));
            }
        }
        ShopperProfile erased = sim.shoppers.profile(0);
        first.forget(Set.copyOf(erased.actorKeys()));
        for (String key : erased.actorKeys()) assertThat(first.longTermSignals(key)).isEmpty();
        assertThat(first.shoppers()).isEqualTo(second.shoppers() - 1);
    }
}
