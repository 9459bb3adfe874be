package io.aisle.features.graph;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.Actor;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.shopper.ShopperId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.aisle.features.session.Events.applied;
import static io.aisle.features.session.Events.cart;
import static io.aisle.features.session.Events.day;
import static io.aisle.features.session.Events.device;
import static io.aisle.features.session.Events.dwell;
import static io.aisle.features.session.Events.login;
import static io.aisle.features.session.Events.minute;
import static io.aisle.features.session.Events.purchase;
import static io.aisle.features.session.Events.search;
import static io.aisle.features.session.Events.shopper;
import static io.aisle.features.session.Events.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ActivityGraphTest {
    private static final Actor ANNA = shopper("anna");
    private static final Actor BEN = shopper("ben");
    /** Default weights with a half-life so long that minutes and days of test time decay nothing measurable. */
    private static final SignalWeights SIGNALS = new SignalWeights(5, 3, 1.5, 1.2, 1, -0.5, -1, -4, 30_000, 3_000,
            Duration.ofDays(1_000_000_000));
    private static final SignalWeights DECAYING = SignalWeights.defaults();
    private static final Catalog CATALOG = new Catalog()
            .add("A", "Shoes", "Running Shoes").add("B", "Shoes", "Running Shoes").add("C", "Shoes", "Boots")
            .add("D", "Books", "Fiction").add("E", "Books", "Fiction").add("P", "Shoes", "Running Shoes")
            .variant("P-42", "P", "Shoes", "Running Shoes").variant("P-43", "P", "Shoes", "Running Shoes");

    private static ActivityGraph graph() { return new ActivityGraph(GraphConfig.defaults(), SIGNALS, CATALOG); }

    private static ItemScore score(String id, double w) { return new ItemScore(ProductId.of(id), w); }

    private static void assertWeight(ItemScore actual, String id, double weight) {
        assertThat(actual.item().value()).isEqualTo(id);
        assertThat(actual.weight()).isCloseTo(weight, within(1e-6));
    }

    @Test
    void a_purchased_item_outranks_a_carted_one_which_outranks_a_viewed_one() {
        ActivityGraph g = applied(graph(), view(ANNA, "s1", minute(0), "A"), view(ANNA, "s1", minute(1), "B"),
                view(ANNA, "s1", minute(2), "C"), cart(ANNA, "s1", minute(3), "B"), cart(ANNA, "s1", minute(4), "C"),
                purchase(ANNA, "s1", minute(5), "C"));

        assertThat(g.topItems("s:anna", 10)).extracting(ItemScore::item).extracting(ProductId::value).containsExactly("C", "B", "A");
        assertThat(g.topItems(ShopperId.of("anna"), 1).getFirst().weight()).isCloseTo(1 + 3 + 5, within(1e-6));
    }

    @Test
    void a_short_dwell_bounce_lowers_an_items_weight_and_a_long_dwell_raises_it() {
        ActivityGraph g = applied(graph(), view(ANNA, "s1", minute(0), "A"), dwell(ANNA, "s1", minute(0.02), "A", 1_000),
                view(ANNA, "s1", minute(1), "B"), view(ANNA, "s1", minute(2), "C"), dwell(ANNA, "s1", minute(3), "C", 60_000));

        List<ItemScore> top = g.topItems("s:anna", 10);
        assertThat(top).extracting(x -> x.item().value()).containsExactly("C", "B", "A");
        assertThat(top.get(2).weight()).isCloseTo(1 - 0.5, within(1e-6));
        assertThat(top.get(0).weight()).isCloseTo(1 + 1.2, within(1e-6));
    }

    @Test
    void items_with_no_net_interest_are_left_out_of_top_lists() {
        ActivityGraph g = applied(graph(), view(ANNA, "s1", minute(0), "A"), dwell(ANNA, "s1", minute(0.01), "A", 900),
                view(ANNA, "s1", minute(1), "B"), dwell(ANNA, "s1", minute(1.51), "A", 900),
                dwell(ANNA, "s1", minute(1.52), "A", 500));   // A: 1 - 3 x 0.5 < 0
        assertThat(g.topItems("s:anna", 10)).extracting(x -> x.item().value()).containsExactly("B");
    }

    @Test
    void a_signal_counts_half_after_exactly_one_half_life() {
        ActivityGraph g = applied(new ActivityGraph(GraphConfig.defaults(), DECAYING, CATALOG), purchase(ANNA, "s1", day(0), "A"));
        assertThat(g.topItems("s:anna", 1)).containsExactly(score("A", 5));

        applied(g, view(BEN, "s9", day(30), "D"));   // anyone's event moves the clock

        assertThat(g.topItems("s:anna", 1).getFirst().weight()).isCloseTo(2.5, within(1e-12));
        applied(g, view(BEN, "s9", day(90), "D"));
        assertThat(g.topItems("s:anna", 1).getFirst().weight()).isCloseTo(5.0 / 8, within(1e-12));
        assertThat(g.clock()).contains(day(90));
    }

    @Test
    void an_older_signal_weighs_less_than_the_same_signal_later() {
        ActivityGraph g = applied(new ActivityGraph(GraphConfig.defaults(), DECAYING, CATALOG), view(ANNA, "s1", day(0), "A"),
                view(ANNA, "s2", day(10), "B"));
        List<ItemScore> top = g.topItems("s:anna", 2);
        assertThat(top).extracting(x -> x.item().value()).containsExactly("B", "A");
        assertThat(top.get(1).weight() / top.get(0).weight()).isCloseTo(Math.pow(0.5, 10.0 / 30), within(1e-12));
    }

    @Test
    void decay_stays_exact_across_many_half_lives() {
        SignalWeights fast = new SignalWeights(5, 3, 1.5, 1.2, 1, -0.5, -1, -4, 30_000, 3_000, Duration.ofSeconds(1));
        ActivityGraph g = applied(new ActivityGraph(GraphConfig.defaults(), fast, CATALOG), view(ANNA, "s1", minute(0), "A"),
                view(ANNA, "s2", minute(10), "B"), view(ANNA, "s3", minute(20), "C"));

        // 1,200 half-lives in all: the graph moved its epoch twice and rescaled by powers of two, exactly. A, 1,200
        // half-lives old, is below the smallest double and so drops out; B, 600 half-lives old, keeps its exact ratio.
        List<ItemScore> top = g.topItems("s:anna", 3);
        assertThat(top).extracting(x -> x.item().value()).containsExactly("C", "B");
        assertThat(top.getFirst().weight()).isCloseTo(1, within(1e-12));
        assertThat(top.get(1).weight() / top.getFirst().weight() / Math.scalb(1.0, -600)).isCloseTo(1, within(1e-12));
    }

    @Test
    void items_bought_together_are_each_others_strongest_co_purchase_neighbours() {
        ActivityGraph g = applied(graph(),
                purchase(ANNA, "s1", day(0), "A", "B"),
                purchase(BEN, "s2", day(0), "A", "B"),
                view(shopper("cleo"), "s3", day(0), "A"), view(shopper("cleo"), "s3", day(0.001), "C"),
                cart(shopper("cleo"), "s3", day(0.002), "A"), cart(shopper("cleo"), "s3", day(0.003), "C"),
                purchase(shopper("cleo"), "s3", day(0.004), "A", "C"),
                purchase(shopper("dora"), "s4", day(0), "A", "D"),
                purchase(shopper("dora"), "s5", day(1), "E"));    // another session: no link to A or D

        assertThat(g.neighbours(ProductId.of("A"), ItemLink.CO_PURCHASE, 10)).extracting(x -> x.item().value())
                .containsExactly("B", "C", "D");
        assertThat(g.neighbours(ProductId.of("A"), ItemLink.CO_PURCHASE, 1).getFirst().weight()).isCloseTo(10, within(1e-6));
        assertThat(g.neighbours(ProductId.of("B"), ItemLink.CO_PURCHASE, 10)).extracting(x -> x.item().value()).containsExactly("A");
        assertThat(g.neighbours(ProductId.of("E"), ItemLink.CO_PURCHASE, 10)).isEmpty();
        // Kinds stay apart; "all" sums them: C's view 1 + cart 3 + purchase 5 = 9, below B's two purchases.
        assertThat(g.neighbours(ProductId.of("A"), ItemLink.CO_VIEW, 10)).singleElement().satisfies(x -> assertWeight(x, "C", 1));
        assertThat(g.neighbours(ProductId.of("A"), ItemLink.CO_CART, 10)).singleElement().satisfies(x -> assertWeight(x, "C", 3));
        assertThat(g.neighbours(ProductId.of("A"), 2)).extracting(x -> x.item().value()).containsExactly("B", "C");
        assertThat(g.neighbours(ProductId.of("A"), 2).get(1).weight()).isCloseTo(9, within(1e-6));
        assertThat(g.neighbours(ProductId.of("unknown"), 5)).isEmpty();
    }

    @Test
    void a_new_item_is_paired_only_with_the_last_window_distinct_items_of_its_session() {
        ActivityGraph g = applied(new ActivityGraph(GraphConfig.defaults().withWindow(2), SIGNALS, CATALOG),
                view(ANNA, "s1", minute(0), "A"), view(ANNA, "s1", minute(1), "B"), view(ANNA, "s1", minute(2), "A"),
                view(ANNA, "s1", minute(3), "C"), view(ANNA, "s1", minute(4), "D"));

        assertThat(g.neighbours(ProductId.of("D"), ItemLink.CO_VIEW, 10)).extracting(x -> x.item().value())
                .containsExactlyInAnyOrder("B", "C");
        assertThat(g.neighbours(ProductId.of("A"), ItemLink.CO_VIEW, 10)).extracting(x -> x.item().value())
                .containsExactlyInAnyOrder("B", "C");
    }

    @Test
    void the_inactivity_timeout_ends_co_occurrence() {
        ActivityGraph g = applied(graph(), view(ANNA, "s1", minute(0), "A"), view(ANNA, "s1", minute(31), "B"),
                view(ANNA, "s1", minute(32), "C"));
        assertThat(g.neighbours(ProductId.of("A"), 10)).isEmpty();
        assertThat(g.neighbours(ProductId.of("B"), 10)).singleElement().satisfies(x -> assertWeight(x, "C", 1));
    }

    @Test
    void a_full_node_keeps_its_strongest_neighbours() {
        GraphConfig capped = GraphConfig.defaults().withItemNeighbours(2);
        ActivityGraph g = applied(new ActivityGraph(capped, SIGNALS, CATALOG),
                purchase(ANNA, "s1", minute(0), "A", "B"), purchase(BEN, "s2", minute(0), "A", "B"),
                purchase(shopper("cleo"), "s3", minute(0), "A", "C"), purchase(shopper("dora"), "s4", minute(1), "A", "D"),
                purchase(shopper("dora"), "s4", minute(2), "A", "E"));

        // D and E come later, so they are stored stronger (newer) than C, which is evicted first.
        assertThat(g.neighbours(ProductId.of("A"), ItemLink.CO_PURCHASE, 10)).extracting(x -> x.item().value())
                .containsExactly("B", "E");
    }

    @Test
    void ties_are_broken_by_id() {
        ActivityGraph g = applied(graph(), view(ANNA, "s1", minute(0), "E"), view(ANNA, "s1", minute(0), "C"),
                view(ANNA, "s1", minute(0), "D"));
        assertThat(g.topItems("s:anna", 10)).extracting(x -> x.item().value()).containsExactly("C", "D", "E");
    }

    @Test
    void categories_sum_item_weights_by_leaf_or_by_path_prefix() {
        ActivityGraph g = applied(graph(), view(ANNA, "s1", minute(0), "A"), view(ANNA, "s1", minute(1), "B"),
                cart(ANNA, "s1", minute(2), "C"), view(ANNA, "s1", minute(3), "D"), view(ANNA, "s1", minute(4), "X"));

        List<CategoryScore> leaves = g.topCategories("s:anna", 10);
        assertThat(leaves).extracting(CategoryScore::key).containsExactly("Shoes > Boots", "Shoes > Running Shoes", "Books > Fiction");
        assertThat(leaves.getFirst().weight()).isCloseTo(3, within(1e-6));
        List<CategoryScore> departments = g.topCategories("s:anna", 1, 10);
        assertThat(departments).extracting(CategoryScore::key).containsExactly("Shoes", "Books");
        assertThat(departments.getFirst().weight()).isCloseTo(5, within(1e-6));
        assertThat(g.topCategories(ShopperId.of("anna"), 1)).extracting(CategoryScore::path)
                .containsExactly(List.of("Shoes", "Boots"));
    }

    @Test
    void unknown_items_get_no_category_and_are_looked_up_again_later() {
        Catalog catalog = new Catalog();
        ActivityGraph g = applied(new ActivityGraph(GraphConfig.defaults(), SIGNALS, catalog), view(ANNA, "s1", minute(0), "N"));
        assertThat(g.topCategories("s:anna", 5)).isEmpty();
        assertThat(g.stats().edges().get(EdgeKind.ITEM_CATEGORY)).isZero();

        catalog.add("N", "Garden");
        applied(g, view(ANNA, "s1", minute(30), "N"));   // within the retry interval: not asked again
        assertThat(g.topCategories("s:anna", 5)).isEmpty();
        applied(g, view(ANNA, "s2", minute(61), "N"));
        assertThat(g.topCategories("s:anna", 5)).extracting(CategoryScore::key).containsExactly("Garden");
        assertThat(g.popularIn(List.of("Garden"), 5)).extracting(x -> x.item().value()).containsExactly("N");
    }

    @Test
    void variants_fold_into_their_listing() {
        ActivityGraph g = applied(graph(), view(ANNA, "s1", minute(0), "P"), cart(ANNA, "s1", minute(1), "P-42"),
                view(ANNA, "s1", minute(2), "A"), cart(ANNA, "s1", minute(3), "A"));

        List<ItemScore> top = g.topItems("s:anna", 5);
        assertThat(top).extracting(x -> x.item().value()).containsExactlyInAnyOrder("P", "A");
        assertThat(top).allSatisfy(x -> assertThat(x.weight()).isCloseTo(4, within(1e-6)));
        assertThat(g.neighbours(ProductId.of("P-43"), ItemLink.CO_CART, 5)).isEmpty();   // never seen
        assertThat(g.neighbours(ProductId.of("P-42"), ItemLink.CO_CART, 5)).singleElement().satisfies(x -> assertWeight(x, "A", 3));

        ActivityGraph unfolded = applied(new ActivityGraph(GraphConfig.defaults().withFoldVariants(false), SIGNALS, CATALOG),
                view(ANNA, "s1", minute(0), "P"), cart(ANNA, "s1", minute(1), "P-42"));
        assertThat(unfolded.topItems("s:anna", 5)).extracting(x -> x.item().value()).containsExactly("P-42", "P");
    }

    @Test
    void queries_are_normalised_and_counted_per_actor() {
        ActivityGraph g = applied(graph(), search(ANNA, "s1", minute(0), "Trail  Shoes "), search(ANNA, "s1", minute(1), "trail shoes"),
                search(ANNA, "s1", minute(2), "boots"), search(BEN, "s2", minute(2), "boots"));

        List<QueryScore> anna = g.topQueries("s:anna", 5);
        assertThat(anna).extracting(QueryScore::query).containsExactly("trail shoes", "boots");
        assertThat(anna.getFirst().weight()).isCloseTo(2, within(1e-6));
        assertThat(g.topQueries(ShopperId.of("ben"), 5)).extracting(QueryScore::query).containsExactly("boots");
        assertThat(g.stats().queries()).isEqualTo(2);
    }

    @Test
    void a_shopper_sees_the_anonymous_history_of_the_devices_they_logged_in_on() {
        Actor phone = device("phone");
        ActivityGraph g = applied(graph(), search(phone, "s1", minute(0), "trail shoes"), view(phone, "s1", minute(1), "A"),
                view(login("anna", "phone"), "s1", minute(2), "B"),        // logs in mid-session
                search(phone, "s2", day(1), "boots"), view(phone, "s2", day(1), "C"));   // later, logged out

        assertThat(g.topQueries("s:anna", 5)).extracting(QueryScore::query).containsExactlyInAnyOrder("trail shoes", "boots");
        assertThat(g.topItems("s:anna", 5)).extracting(x -> x.item().value()).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(g.topItems("a:phone", 5)).isEqualTo(g.topItems("s:anna", 5));
        assertThat(g.canonicalKey("a:phone")).isEqualTo("s:anna");
        // The session continued across the login, so A and B were viewed together.
        assertThat(g.neighbours(ProductId.of("A"), ItemLink.CO_VIEW, 5)).extracting(x -> x.item().value()).containsExactly("B");
    }

    @Test
    void a_device_that_another_shopper_logs_in_on_leaves_its_past_with_the_first() {
        Actor tablet = device("tablet");
        ActivityGraph g = applied(graph(), view(login("anna", "tablet"), "s1", minute(0), "A"), view(tablet, "s2", day(1), "B"),
                view(login("ben", "tablet"), "s3", day(2), "C"), view(tablet, "s4", day(3), "D"));

        assertThat(g.topItems("s:anna", 5)).extracting(x -> x.item().value()).containsExactlyInAnyOrder("A", "B");
        assertThat(g.topItems("s:ben", 5)).extracting(x -> x.item().value()).containsExactlyInAnyOrder("C", "D");
    }

    @Test
    void forgetting_a_shopper_leaves_no_trace_of_them_or_their_devices() {
        Actor phone = device("phone");
        ActivityGraph g = applied(graph(), search(phone, "s1", minute(0), "secret gift for jane"), view(phone, "s1", minute(1), "A"),
                purchase(login("anna", "phone"), "s1", minute(2), "B"), search(BEN, "s2", minute(3), "boots"),
                view(BEN, "s2", minute(4), "A"));

        g.forget(Set.of("s:anna"));

        for (String key : List.of("s:anna", "a:phone")) {
            assertThat(g.topItems(key, 10)).isEmpty();
            assertThat(g.topQueries(key, 10)).isEmpty();
            assertThat(g.topCategories(key, 10)).isEmpty();
            assertThat(g.canonicalKey(key)).isEqualTo(key);
        }
        assertThat(g.stats().actors()).isEqualTo(1);
        assertThat(g.stats().queries()).as("the query only anna searched is gone").isEqualTo(1);
        assertThat(g.topItems("s:ben", 10)).singleElement().satisfies(x -> assertWeight(x, "A", 1));
        // Item-item edges are aggregates that name nobody: they stay.
        assertThat(g.neighbours(ProductId.of("A"), ItemLink.CO_VIEW, 5)).isEmpty();
        assertThat(g.popularIn(List.of("Shoes", "Running Shoes"), 5)).isNotEmpty();
    }

    @Test
    void forgetting_a_device_keeps_the_shoppers_own_activity() {
        Actor phone = device("phone");
        ActivityGraph g = applied(graph(), view(phone, "s1", minute(0), "A"), view(login("anna", "phone"), "s1", minute(1), "B"),
                search(phone, "s2", day(1), "boots"));

        g.forget(Set.of("a:phone"));

        assertThat(g.topItems("s:anna", 5)).extracting(x -> x.item().value()).containsExactly("B");
        assertThat(g.topQueries("s:anna", 5)).isEmpty();
        assertThat(g.topItems("a:phone", 5)).isEmpty();
    }

    @Test
    void stats_count_nodes_and_edges_and_reset_empties_the_graph() {
        ActivityGraph g = applied(graph(), purchase(ANNA, "s1", minute(0), "A", "B"), search(ANNA, "s1", minute(1), "shoes"));

        GraphStats stats = g.stats();
        assertThat(stats.items()).isEqualTo(2);
        assertThat(stats.actors()).isEqualTo(1);
        assertThat(stats.categories()).isEqualTo(1);
        assertThat(stats.edges()).containsEntry(EdgeKind.SHOPPER_ITEM, 2L).containsEntry(EdgeKind.SHOPPER_QUERY, 1L)
                .containsEntry(EdgeKind.CO_PURCHASE, 2L).containsEntry(EdgeKind.CO_VIEW, 0L).containsEntry(EdgeKind.ITEM_CATEGORY, 2L);
        assertThat(stats.clock()).isEqualTo(minute(1));

        g.reset();

        assertThat(g.stats().totalEdges()).isZero();
        assertThat(g.stats().items()).isZero();
        assertThat(g.clock()).isEmpty();
        assertThat(g.topItems("s:anna", 5)).isEmpty();
        assertThat(g.name()).isEqualTo("activity-graph");
    }

    @Test
    void refuses_bad_settings_and_arguments() {
        assertThatThrownBy(() -> GraphConfig.defaults().withWindow(0)).hasMessageContaining("window must be 1..1000");
        assertThatThrownBy(() -> GraphConfig.defaults().withItemNeighbours(0)).hasMessageContaining("itemNeighbours");
        assertThatThrownBy(() -> graph().topItems("s:x", -1)).hasMessageContaining("k must not be negative");
        assertThatThrownBy(() -> graph().topCategories("s:x", -1, 3)).hasMessageContaining("depth");
        assertThat(new ActivityGraph(GraphConfig.defaults(), SIGNALS, id -> Optional.empty()).topItems("s:x", 3)).isEmpty();
    }
}
