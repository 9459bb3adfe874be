package io.aisle.simulator;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.json.Decoded;
import io.aisle.core.json.EventJson;
import io.aisle.core.json.Json;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopperSimulatorTest {
    private static final List<Product> PRODUCTS = new CatalogGenerator(CatalogConfig.of(42, 3000)).products().toList();
    private static final CatalogView CATALOG = CatalogView.of(PRODUCTS);
    private static final Map<ProductId, BigDecimal> LIST_PRICE = PRODUCTS.stream()
            .collect(Collectors.toMap(Product::id, p -> p.price().amount()));
    private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
    private static final SimulationConfig SPRING = SimulationConfig.of(7, 200, START, START.plus(Duration.ofDays(45)));
    private static final List<ShopperEvent> EVENTS = new ShopperSimulator(SPRING, CATALOG).events().toList();

    @Test
    void same_seed_gives_identical_events_and_another_seed_does_not() {
        assertThat(new ShopperSimulator(SPRING, CATALOG).events().toList()).isEqualTo(EVENTS);
        SimulationConfig other = SimulationConfig.of(8, 200, SPRING.start(), SPRING.end());
        List<ShopperEvent> different = new ShopperSimulator(other, CATALOG).events().limit(1000).toList();
        assertThat(different).isNotEqualTo(EVENTS.subList(0, 1000));
        assertThat(different.getFirst().id()).isNotEqualTo(EVENTS.getFirst().id());
    }

    @Test
    void every_event_survives_an_event_json_round_trip() {
        EventJson codec = new EventJson(Json.mapper(), Clock.fixed(SPRING.end(), ZoneOffset.UTC));
        assertThat(EVENTS).hasSizeGreaterThan(10_000);
        for (ShopperEvent e : EVENTS) {
            Decoded<ShopperEvent> back = codec.decode(codec.encode(e), "");
            assertThat(back.errors()).as("errors for %s", e.id()).isEmpty();
            assertThat(back.value()).isEqualTo(e);
        }
    }

    @Test
    void events_come_in_time_order_inside_the_range_with_unique_ids() {
        assertThat(EVENTS).isSortedAccordingTo(Comparator.comparing(ShopperEvent::timestamp));
        assertThat(EVENTS).allSatisfy(e -> assertThat(e.timestamp()).isBetween(SPRING.start(), SPRING.end().minusMillis(1)));
        assertThat(EVENTS.stream().map(e -> e.id().value()).distinct().count()).isEqualTo(EVENTS.size());
        Map<String, List<ShopperEvent>> sessions = EVENTS.stream().collect(Collectors.groupingBy(ShopperEvent::sessionId));
        for (List<ShopperEvent> session : sessions.values()) {
            for (int i = 1; i < session.size(); i++) {
                assertThat(session.get(i).timestamp()).isAfter(session.get(i - 1).timestamp());
                assertThat(session.get(i).actor()).isEqualTo(session.getFirst().actor());
            }
        }
        assertThat(sessions.size()).isGreaterThan(500);
    }

    @Test
    void merged_and_per_shopper_orders_hold_the_same_events() {
        ShopperSimulator simulator = new ShopperSimulator(SPRING, CATALOG);
        Comparator<ShopperEvent> byId = Comparator.comparing(e -> e.id().value());
        List<ShopperEvent> byShopper = new ArrayList<>(simulator.eventsByShopper().toList());
        List<ShopperEvent> merged = new ArrayList<>(EVENTS);
        byShopper.sort(byId);
        merged.sort(byId);
        assertThat(byShopper).isEqualTo(merged);
        assertThat(simulator.eventsByShopper().parallel().count()).isEqualTo(EVENTS.size());
        ShopperProfile third = simulator.profile(3);
        assertThat(simulator.eventsOf(3).toList()).isEqualTo(EVENTS.stream()
                .filter(e -> third.actorKeys().contains(e.actor().key())).toList());
    }

    @Test
    void carries_every_signal_with_its_fields() {
        Map<EventName, List<ShopperEvent>> byName = EVENTS.stream().collect(Collectors.groupingBy(ShopperEvent::name));
        assertThat(byName.keySet()).containsExactlyInAnyOrder(EventName.values());
        assertThat(byName.get(EventName.VIEW_ITEM)).allSatisfy(e -> {
            assertThat(e.dwellMs()).isPositive();
            assertThat(e.scrollPct()).isBetween(0, 100);
            assertThat(e.context().pageUrl()).isEqualTo("/store/products/" + e.items().getFirst().itemId());
        });
        assertThat(byName.get(EventName.IMAGE_ZOOM)).allSatisfy(e -> assertThat(e.zoom()).isBetween(1.0, 100.0));
        assertThat(byName.get(EventName.SEARCH)).allSatisfy(e -> assertThat(e.query()).isNotBlank());
        assertThat(byName.get(EventName.FILTER_APPLIED)).allSatisfy(e -> assertThat(e.filters()).isNotEmpty());
        assertThat(byName.get(EventName.VIEW_ITEM_LIST)).allSatisfy(e -> assertThat(e.items()).isNotEmpty()
                .allSatisfy(i -> assertThat(i.index()).isNotNull()));
        // Refunds come from the back office, not a device.
        assertThat(EVENTS.stream().filter(e -> e.name() != EventName.REFUND).map(e -> e.context().device()).distinct())
                .containsExactlyInAnyOrder("mobile", "desktop", "tablet");
        long bounces = EVENTS.stream().collect(Collectors.groupingBy(ShopperEvent::sessionId, Collectors.counting()))
                .values().stream().filter(n -> n <= 2).count();
        assertThat(bounces).isPositive();
        assertThat(EVENTS.stream().filter(e -> e.actor().shopperId() != null)).isNotEmpty();
        assertThat(EVENTS.stream().filter(e -> e.actor().shopperId() == null)).isNotEmpty();
    }

    @Test
    void searches_are_built_from_the_catalogue_vocabulary() {
        List<String> queries = EVENTS.stream().filter(e -> e.name() == EventName.SEARCH).map(ShopperEvent::query).toList();
        assertThat(queries.stream().filter(q -> q.contains(" for "))).isNotEmpty();
        assertThat(queries.stream().filter(q -> q.contains(" under "))).isNotEmpty();
        Set<String> brands = PRODUCTS.stream().map(p -> p.brand().toLowerCase()).collect(Collectors.toSet());
        assertThat(queries.stream().filter(q -> brands.stream().anyMatch(q.toLowerCase()::startsWith))).isNotEmpty();
    }

    @Test
    void purchases_add_up_and_follow_carts() {
        List<ShopperEvent> purchases = EVENTS.stream().filter(e -> e.name() == EventName.PURCHASE).toList();
        assertThat(purchases).isNotEmpty();
        Set<String> cartedSessions = EVENTS.stream().filter(e -> e.name() == EventName.ADD_TO_CART)
                .map(ShopperEvent::sessionId).collect(Collectors.toSet());
        for (ShopperEvent p : purchases) {
            BigDecimal total = p.items().stream().map(i -> i.price().multiply(BigDecimal.valueOf(i.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(p.value()).isEqualByComparingTo(total);
            assertThat(p.currency()).isEqualTo("EUR");
            assertThat(cartedSessions).contains(p.sessionId());
        }
    }

    @Test
    void shown_prices_are_list_prices_or_discounts_from_them() {
        long discounted = 0, items = 0;
        for (ShopperEvent e : EVENTS) {
            for (EventItem i : e.items()) {
                int cmp = i.price().compareTo(LIST_PRICE.get(i.itemId()));
                assertThat(cmp).as("price of %s in %s", i.itemId(), e.id()).isLessThanOrEqualTo(0);
                items++;
                if (cmp < 0) discounted++;
            }
        }
        assertThat(discounted / (double) items).isBetween(0.01, 0.5);
    }

    @Test
    void refunds_return_something_bought_days_before() {
        List<ShopperEvent> refunds = EVENTS.stream().filter(e -> e.name() == EventName.REFUND).toList();
        assertThat(refunds).isNotEmpty();
        Map<String, List<ShopperEvent>> purchasesByActor = EVENTS.stream().filter(e -> e.name() == EventName.PURCHASE)
                .collect(Collectors.groupingBy(e -> e.actor().key()));
        for (ShopperEvent refund : refunds) {
            ProductId item = refund.items().getFirst().itemId();
            assertThat(purchasesByActor.get(refund.actor().key())).anySatisfy(p -> {
                assertThat(p.items()).anySatisfy(i -> assertThat(i.itemId()).isEqualTo(item));
                assertThat(Duration.between(p.timestamp(), refund.timestamp())).isGreaterThan(Duration.ofDays(2));
            });
        }
    }

    @Test
    void profiles_expose_the_ground_truth_events_are_keyed_by() {
        ShopperSimulator simulator = new ShopperSimulator(SPRING, CATALOG);
        List<ShopperProfile> profiles = simulator.profiles().toList();
        assertThat(profiles).hasSize(200).allSatisfy(p -> {
            assertThat(p.preferredCategories()).hasSizeBetween(2, 4).allSatisfy(c -> assertThat(CATALOG.categories()).contains(c));
            assertThat(p.categoryWeights().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(p.tasteVector()).hasSize(8);
            assertThat(p.priceSensitivity()).isBetween(0.25, 3.0);
        });
        assertThat(profiles.stream().filter(p -> p.shopperId() != null).count()).isBetween(30L, 100L);
        Set<String> keys = profiles.stream().flatMap(p -> p.actorKeys().stream()).collect(Collectors.toSet());
        assertThat(EVENTS).allSatisfy(e -> assertThat(keys).contains(e.actor().key()));
        assertThat(simulator.tasteVector(PRODUCTS.get(2).id())).hasSize(8);
    }

    @Test
    void the_pacer_sends_at_the_requested_rate_and_can_restamp() throws InterruptedException {
        FakeClock clock = new FakeClock();
        List<ShopperEvent> sent = new ArrayList<>();
        long n = new EventPacer(clock).run(EVENTS.iterator(), 100, EventPacer.Timestamps.NOW, 50, sent::add);
        assertThat(n).isEqualTo(50);
        assertThat(clock.nanos).isBetween(480_000_000L, 500_000_000L); // 49 intervals of 10 ms
        assertThat(sent).extracting(ShopperEvent::id).isEqualTo(EVENTS.subList(0, 50).stream().map(ShopperEvent::id).toList());
        assertThat(sent).isSortedAccordingTo(Comparator.comparing(ShopperEvent::timestamp));
        assertThat(sent.getFirst().timestamp()).isEqualTo(FakeClock.EPOCH);
        List<ShopperEvent> kept = new ArrayList<>();
        new EventPacer(new FakeClock()).run(EVENTS.iterator(), 1000, EventPacer.Timestamps.ORIGINAL, 10, kept::add);
        assertThat(kept).isEqualTo(EVENTS.subList(0, 10));
        assertThatThrownBy(() -> new EventPacer(clock).run(EVENTS.iterator(), 0, EventPacer.Timestamps.NOW, 1, e -> {}))
                .hasMessageContaining("perSecond");
    }

    @Test
    void works_on_a_catalogue_it_did_not_generate() {
        List<Product> shop = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            shop.add(new Product(ProductId.of("sku-" + i), null, "Teapot " + i, "A teapot.", i % 2 == 0 ? "Kettle & Co" : "Brewster",
                    List.of("Kitchen", i % 3 == 0 ? "Teapots" : "Mugs"), Map.of(), io.aisle.core.catalog.Money.of("12.50", "GBP"),
                    Map.of("web", i % 5), List.of(), null));
        }
        SimulationConfig config = SimulationConfig.of(3, 30, START, START.plus(Duration.ofDays(30)));
        List<ShopperEvent> events = new ShopperSimulator(config, CatalogView.of(shop)).events().toList();
        EventJson codec = new EventJson(Json.mapper(), Clock.fixed(config.end(), ZoneOffset.UTC));
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(codec.decode(codec.encode(e), "").errors()).isEmpty());
        // Unknown categories are searched by their leaf name; typos aside, every query names one.
        List<String> queries = events.stream().filter(e -> e.name() == EventName.SEARCH).map(e -> e.query().toLowerCase()).toList();
        assertThat(queries).isNotEmpty();
        assertThat(queries.stream().filter(q -> q.contains("teapots") || q.contains("mugs")).count()).isGreaterThan(queries.size() * 3L / 4);
    }

    @Test
    void refuses_bad_configuration_naming_the_value() {
        assertThatThrownBy(() -> SimulationConfig.of(1, 0, START, START.plusSeconds(60))).hasMessageContaining("shoppers");
        assertThatThrownBy(() -> SimulationConfig.of(1, 5, START, START)).hasMessageContaining("after");
        assertThatThrownBy(() -> SimulationConfig.of(1, 5, START, START.plusSeconds(60)).withLoggedInShare(2))
                .hasMessageContaining("loggedInShare");
    }

    /** Time that moves only when the pacer sleeps, so pacing is checked without waiting. */
    private static final class FakeClock implements PacingClock {
        static final Instant EPOCH = Instant.parse("2026-01-01T12:00:00Z");
        long nanos;

        @Override public long nanoTime() { return nanos; }

        @Override public void sleepNanos(long n) { nanos += n; }

        @Override public Instant now() { return EPOCH.plusNanos(nanos); }
    }
}
