package io.aisle.features.graph;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.features.session.Events;
import io.aisle.features.session.Sessionizer;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import io.aisle.simulator.CatalogView;
import io.aisle.simulator.ShopperSimulator;
import io.aisle.simulator.SimulationConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replay determinism: the graph and the sessions depend only on the events and their order, not on how the log was
 * paged into the projection, nor on what the instance held before {@code reset()}.
 */
class ReplayDeterminismProperties {
    private static final List<Product> PRODUCTS = new CatalogGenerator(CatalogConfig.of(3, 600)).products().toList();
    private static final Map<ProductId, Product> BY_ID = PRODUCTS.stream().collect(Collectors.toMap(Product::id, p -> p));
    private static final ShopperSimulator SIMULATOR = new ShopperSimulator(
            SimulationConfig.of(3, 80, Instant.parse("2025-11-10T00:00:00Z"), Instant.parse("2025-12-10T00:00:00Z")),
            CatalogView.of(PRODUCTS));
    private static final List<LoggedEvent> LOG = Events.logged(SIMULATOR.events().toList());
    private static final List<String> KEYS = SIMULATOR.profiles().flatMap(p -> p.actorKeys().stream()).toList();
    private static final Snapshot ONE_PASS = snapshot(fresh(), new Sessionizer(), LOG);

    @Example
    void applying_the_same_events_again_after_reset_gives_identical_results() {
        ActivityGraph g = fresh();
        Sessionizer s = new Sessionizer();
        g.applyAll(LOG);
        s.applyAll(LOG);
        g.reset();
        s.reset();
        assertThat(snapshot(g, s, LOG)).isEqualTo(ONE_PASS);
        assertThat(ONE_PASS.stats().totalEdges()).isGreaterThan(3_000);
    }

    @Property(tries = 10)
    void any_paging_of_the_log_gives_identical_results(@ForAll("cuts") List<Integer> cuts) {
        ActivityGraph g = fresh();
        Sessionizer s = new Sessionizer();
        g.applyAll(LOG.subList(0, LOG.size() / 5));   // leave state behind, then replay from reset
        s.applyAll(LOG.subList(0, LOG.size() / 5));
        g.reset();
        s.reset();
        int from = 0;
        for (int cut : new TreeSet<>(cuts)) {
            g.applyAll(LOG.subList(from, cut));
            s.applyAll(LOG.subList(from, cut));
            from = cut;
        }
        g.applyAll(LOG.subList(from, LOG.size()));
        s.applyAll(LOG.subList(from, LOG.size()));
        assertThat(query(g, s)).isEqualTo(ONE_PASS);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, LOG.size() - 1).list().ofMaxSize(60);
    }

    private static ActivityGraph fresh() {
        return new ActivityGraph(GraphConfig.defaults().withItemNeighbours(30).withActorCaps(25, 5), SignalWeights.defaults(),
                id -> Optional.ofNullable(BY_ID.get(id)));
    }

    private static Snapshot snapshot(ActivityGraph g, Sessionizer s, List<LoggedEvent> log) {
        g.applyAll(log);
        s.applyAll(log);
        return query(g, s);
    }

    /** Every query's answer: exact equality, doubles bit for bit. */
    private static Snapshot query(ActivityGraph g, Sessionizer s) {
        List<Object> answers = new ArrayList<>();
        for (String key : KEYS) {
            answers.add(g.topItems(key, 30));
            answers.add(g.topQueries(key, 10));
            answers.add(g.topCategories(key, 10));
            answers.add(g.topCategories(key, 1, 5));
            answers.add(s.recentSessions(key, 10));
        }
        for (Product p : PRODUCTS) {
            answers.add(g.neighbours(p.id(), 30));
            for (ItemLink kind : ItemLink.values()) answers.add(g.neighbours(p.id(), kind, 30));
        }
        for (String category : new TreeSet<>(PRODUCTS.stream().map(p -> String.join("\u0000", p.categoryPath())).toList())) {
            answers.add(g.popularIn(List.of(category.split("\u0000")), 30));
        }
        return new Snapshot(answers, g.stats());
    }

    private record Snapshot(List<Object> answers, GraphStats stats) {}
}
