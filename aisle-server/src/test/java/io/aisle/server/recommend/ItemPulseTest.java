package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.Actor;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ItemPulseTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final ItemPulse pulse = new ItemPulse();
    private long offset;

    private void apply(EventName name, Actor actor, Instant at, String... items) {
        List<EventItem> list = java.util.Arrays.stream(items).map(EventItem::of).toList();
        offset++;
        pulse.apply(new LoggedEvent(offset, at, new ShopperEvent(EventId.of("e" + offset), name, actor, "s", at, list,
                null, null, null, null, null, null, null, null)));
    }

    private Map<ProductId, ItemPulse.ItemHeat> heat() {
        return pulse.heat().stream().collect(Collectors.toMap(ItemPulse.ItemHeat::id, h -> h));
    }

    @Test void popularityCountsSignalsAndVelocityFavoursTheRecent() {
        Actor a = Actor.shopper("a");
        for (int i = 0; i < 10; i++) apply(EventName.VIEW_ITEM, a, T0.plus(Duration.ofHours(i)), "OLD");
        apply(EventName.VIEW_ITEM, a, T0.plus(Duration.ofDays(3)), "NEW");
        apply(EventName.VIEW_ITEM, a, T0.plus(Duration.ofDays(3)), "NEW");
        Map<ProductId, ItemPulse.ItemHeat> h = heat();
        ItemPulse.ItemHeat old = h.get(ProductId.of("OLD")), fresh = h.get(ProductId.of("NEW"));
        assertThat(old.popularity()).isGreaterThan(fresh.popularity());
        assertThat(fresh.velocity()).isGreaterThan(old.velocity());
        assertThat(fresh.velocity()).isGreaterThan(fresh.popularity()); // rising above its usual rate: trending
        assertThat(old.shown()).isEqualTo(10);
    }

    @Test void listImpressionsCountAsShownButNotAsSignal() {
        apply(EventName.VIEW_ITEM_LIST, Actor.shopper("a"), T0, "P1", "P2");
        Map<ProductId, ItemPulse.ItemHeat> h = heat();
        assertThat(h.get(ProductId.of("P1")).shown()).isEqualTo(1);
        assertThat(h.get(ProductId.of("P1")).popularity()).isZero();
        assertThat(pulse.trail("s:a")).isEmpty();
    }

    @Test void decayKeepsLongHistoriesFinite() {
        Actor a = Actor.shopper("a");
        for (int day = 0; day < 3650; day += 5) apply(EventName.PURCHASE, a, T0.plus(Duration.ofDays(day)), "P");
        ItemPulse.ItemHeat p = heat().get(ProductId.of("P"));
        // One purchase (weight 5) every 5 days: about 1 signal a day, 1/24 an hour.
        assertThat(p.popularity()).isFinite().isCloseTo(5.0 / 5 / 24, within(0.02));
        assertThat(p.velocity()).isFinite();
    }

    @Test void trailKeepsDistinctItemsMostRecentLastWithTheStrongestVerb() {
        Actor a = Actor.shopper("a");
        apply(EventName.VIEW_ITEM, a, T0, "P1");
        apply(EventName.VIEW_ITEM, a, T0.plusSeconds(10), "P2");
        apply(EventName.ADD_TO_CART, a, T0.plusSeconds(20), "P1");
        apply(EventName.PURCHASE, a, T0.plusSeconds(30), "P1");
        List<ItemPulse.TrailItem> trail = pulse.trail("s:a");
        assertThat(trail).extracting(ItemPulse.TrailItem::id).containsExactly(ProductId.of("P2"), ProductId.of("P1"));
        assertThat(trail.getLast().verb()).isEqualTo(ItemPulse.Verb.BOUGHT);
        assertThat(trail.getLast().weight()).isEqualTo(1 + 3 + 5);
        assertThat(pulse.purchases("s:a")).containsOnlyKeys(ProductId.of("P1"));
        for (int i = 0; i < 30; i++) apply(EventName.VIEW_ITEM, a, T0.plusSeconds(100 + i), "X" + i);
        assertThat(pulse.trail("s:a")).hasSize(ItemPulse.TRAIL);
        assertThat(pulse.purchases("s:a")).containsOnlyKeys(ProductId.of("P1")); // purchases outlive the trail
    }

    @Test void aDeviceThatLogsInJoinsItsShopperAndVersionsFollowEvents() {
        Actor device = Actor.anonymous("d1");
        apply(EventName.VIEW_ITEM, device, T0, "P1");
        long before = pulse.version("a:d1");
        assertThat(before).isPositive();
        apply(EventName.VIEW_ITEM, new Actor(ShopperId.of("bob"), AnonymousId.of("d1")), T0.plusSeconds(5), "P2");
        assertThat(pulse.canonical("a:d1")).isEqualTo("s:bob");
        assertThat(pulse.trail("s:bob")).extracting(ItemPulse.TrailItem::id).containsExactly(ProductId.of("P1"), ProductId.of("P2"));
        apply(EventName.VIEW_ITEM, device, T0.plusSeconds(9), "P3");
        assertThat(pulse.trail("s:bob")).hasSize(3);
        assertThat(pulse.version("s:bob")).isEqualTo(offset);

        pulse.forget(Set.of("s:bob"));
        assertThat(pulse.trail("s:bob")).isEmpty();
        assertThat(pulse.version("s:bob")).isZero();
        assertThat(pulse.canonical("a:d1")).isEqualTo("a:d1");
    }
}
