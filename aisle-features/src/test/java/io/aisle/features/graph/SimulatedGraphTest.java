package io.aisle.features.graph;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.event.ShopperEvent;
import io.aisle.features.session.Events;
import io.aisle.features.session.Sessionizer;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import io.aisle.simulator.CatalogView;
import io.aisle.simulator.ShopperProfile;
import io.aisle.simulator.ShopperSimulator;
import io.aisle.simulator.SimulationConfig;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The graph over 60 simulated days (300 shoppers, 2,000 products) recovers the tastes the simulator planted. */
class SimulatedGraphTest {
    private static final List<Product> PRODUCTS = new CatalogGenerator(CatalogConfig.of(21, 2_000)).products().toList();
    private static final Map<ProductId, Product> BY_ID = PRODUCTS.stream().collect(Collectors.toMap(Product::id, p -> p));
    private static final Function<ProductId, Optional<Product>> CATALOG = id -> Optional.ofNullable(BY_ID.get(id));
    private static final ShopperSimulator SIMULATOR = new ShopperSimulator(
            SimulationConfig.of(21, 300, Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-04-30T00:00:00Z")),
            CatalogView.of(PRODUCTS));
    private static final List<ShopperEvent> EVENTS = SIMULATOR.events().toList();
    private static final List<ShopperProfile> PROFILES = SIMULATOR.profiles().toList();

    /** Built once and only read by the tests that share it. */
    private static final ActivityGraph GRAPH = built();

    private static ActivityGraph built() {
        ActivityGraph g = new ActivityGraph(GraphConfig.defaults(), SignalWeights.defaults(), CATALOG);
        g.applyAll(Events.logged(EVENTS));
        return g;
    }

    @Test
    void a_shoppers_top_category_is_one_they_prefer_far_above_chance() {
        ActivityGraph g = GRAPH;
        int categories = new HashSet<>(PRODUCTS.stream().map(Product::category).toList()).size();
        int shoppers = 0, hits = 0;
        double chance = 0;
        for (ShopperProfile p : PROFILES) {
            List<CategoryScore> top = g.topCategories(g.canonicalKey(p.actorKeys().getLast()), 1);
            if (top.isEmpty()) continue;
            shoppers++;
            if (p.preferredCategories().contains(top.getFirst().key())) hits++;
            chance += p.preferredCategories().size() / (double) categories;
        }
        assertThat(shoppers).isGreaterThan(200);
        double observed = hits / (double) shoppers;
        assertThat(observed).as("share of shoppers whose top category they prefer, chance %.2f", chance / shoppers)
                .isGreaterThan(0.7).isGreaterThan(4 * chance / shoppers);
    }

    @Test
    void an_items_strongest_neighbours_share_its_category_far_above_chance() {
        ActivityGraph g = GRAPH;
        Map<String, Integer> perCategory = new HashMap<>();
        int pairs = 0, same = 0, items = 0;
        for (Product p : PRODUCTS) {
            List<ItemScore> near = g.neighbours(p.id(), 5);
            if (near.isEmpty()) continue;
            items++;
            perCategory.merge(p.category(), 1, Integer::sum);
            for (ItemScore n : near) {
                pairs++;
                if (BY_ID.get(n.item()).category().equals(p.category())) same++;
            }
        }
        int total = items;
        double chance = perCategory.values().stream().mapToDouble(n -> (n / (double) total) * (n / (double) total)).sum();
        assertThat(items).isGreaterThan(300);
        assertThat(same / (double) pairs).as("neighbours in the same category, chance %.3f", chance)
                .isGreaterThan(0.6).isGreaterThan(5 * chance);
    }

    @Test
    void bought_items_rank_among_a_shoppers_strongest() {
        ActivityGraph g = GRAPH;
        Map<String, Set<ProductId>> bought = new HashMap<>();
        for (ShopperEvent e : EVENTS) {
            if (e.name() != io.aisle.core.event.EventName.PURCHASE) continue;
            for (var item : e.items()) {
                Product p = BY_ID.get(item.itemId());
                bought.computeIfAbsent(g.canonicalKey(e.actor().key()), k -> new HashSet<>())
                        .add(p.parentId() != null ? p.parentId() : p.id());
            }
        }
        int buyers = 0, boughtFirst = 0;
        double chance = 0;
        for (Map.Entry<String, Set<ProductId>> b : bought.entrySet()) {
            List<ItemScore> all = g.topItems(b.getKey(), 1_000);
            if (all.isEmpty()) continue;
            buyers++;
            if (b.getValue().contains(all.getFirst().item())) boughtFirst++;
            chance += all.stream().filter(x -> b.getValue().contains(x.item())).count() / (double) all.size();
        }
        // Not always first: a bought item can be refunded, or outweighed by many recent views of another.
        assertThat(buyers).isGreaterThan(30);
        assertThat(boughtFirst / (double) buyers).as("top item bought, chance %.2f", chance / buyers)
                .isGreaterThan(0.5).isGreaterThan(3 * chance / buyers);
    }

    @Test
    void forgetting_shoppers_removes_them_from_every_query_and_leaves_others_unchanged() {
        List<LoggedEvent> month = Events.logged(EVENTS.subList(0, EVENTS.size() / 2));
        ActivityGraph g = new ActivityGraph(GraphConfig.defaults(), SignalWeights.defaults(), CATALOG);
        Sessionizer sessions = new Sessionizer();
        g.applyAll(month);
        sessions.applyAll(month);
        List<ShopperProfile> gone = PROFILES.stream().filter(p -> p.shopperId() != null).limit(15).toList();
        List<ShopperProfile> kept = PROFILES.stream().filter(p -> !gone.contains(p)).limit(40).toList();
        Map<String, List<ItemScore>> keptBefore = new HashMap<>();
        for (ShopperProfile p : kept) keptBefore.put(p.actorKeys().getLast(), g.topItems(p.actorKeys().getLast(), 20));
        int actorsBefore = g.stats().actors();
        assertThat(gone).filteredOn(p -> !g.topItems(p.actorKeys().getFirst(), 1).isEmpty()).hasSizeGreaterThan(5);

        Set<String> keys = new HashSet<>();
        for (ShopperProfile p : gone) keys.add(p.actorKeys().getFirst());   // the shopper key only: devices follow
        g.forget(keys);
        sessions.forget(keys);

        for (ShopperProfile p : gone) {
            for (String key : p.actorKeys()) {
                assertThat(g.topItems(key, 100)).isEmpty();
                assertThat(g.topQueries(key, 100)).isEmpty();
                assertThat(g.topCategories(key, 100)).isEmpty();
                assertThat(sessions.recentSessions(key, 100)).isEmpty();
            }
        }
        assertThat(g.stats().actors()).isLessThan(actorsBefore);
        for (ShopperProfile p : kept) {
            String device = p.actorKeys().getLast();
            assertThat(g.topItems(device, 20)).isEqualTo(keptBefore.get(device));
        }
    }
}
