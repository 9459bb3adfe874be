package io.aisle.recommend.experiment;

import io.aisle.core.event.EventName;
import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.Variant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static io.aisle.core.event.EventName.ADD_TO_CART;
import static io.aisle.core.event.EventName.PAGE_VIEW;
import static io.aisle.core.event.EventName.SELECT_ITEM;
import static io.aisle.core.event.EventName.VIEW_ITEM_LIST;
import static io.aisle.recommend.experiment.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

/** Counting from events: the window, assignment, sessions, carts once per session, revenue and its squares. */
class ExperimentTallyTest {
    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private final Events events = new Events();

    private static Experiment halves(double traffic) {
        return Experiment.start("home-feed", "", null, traffic,
                List.of(Variant.control("a", 1), Variant.treatment("b", 1)), T0);
    }

    /** The first shopper key of the form s:u<n> the experiment puts in the given variant (-1: held out). */
    private static String shopperIn(Experiment e, int variant) {
        return IntStream.range(0, 10_000).mapToObj(i -> "s:u" + i)
                .filter(k -> Assigner.variantIndex(e, k) == variant).findFirst().orElseThrow();
    }

    @Test void counts_each_variant_from_its_shoppers_events_inside_the_window() {
        Experiment e = halves(1.0);
        ExperimentTally tally = new ExperimentTally(e);
        String alice = shopperIn(e, 0);
        String bob = shopperIn(e, 1);

        tally.accept(events.event(VIEW_ITEM_LIST, alice, "s1", T0.minusSeconds(1))); // before the start
        tally.accept(events.event(VIEW_ITEM_LIST, alice, "s1", at(T0, 1)));
        tally.accept(events.event(VIEW_ITEM_LIST, alice, "s1", at(T0, 2)));
        tally.accept(events.event(SELECT_ITEM, alice, "s1", at(T0, 3)));
        tally.accept(events.event(ADD_TO_CART, alice, "s1", at(T0, 4)));
        tally.accept(events.event(ADD_TO_CART, alice, "s1", at(T0, 5))); // same session: one cart session
        tally.accept(events.purchase(alice, "s1", at(T0, 6), "30"));
        tally.accept(events.purchase(alice, "s1", at(T0, 7), "10"));
        tally.accept(events.event(PAGE_VIEW, alice, "s2", at(T0, 60)));
        tally.accept(events.event(VIEW_ITEM_LIST, bob, "s1", at(T0, 8))); // same session id, other shopper
        tally.accept(events.purchase(bob, "s1", at(T0, 9), "20"));

        assertThat(tally.counts()).containsExactly(
                new VariantCounts("a", 2, 2, 1, 1, 40, 1600),
                new VariantCounts("b", 1, 1, 0, 0, 20, 400));
    }

    @Test void events_from_the_stop_on_do_not_count_but_late_ones_from_before_do() {
        Experiment e = halves(1.0);
        ExperimentTally tally = new ExperimentTally(e);
        String alice = shopperIn(e, 0);
        tally.accept(events.event(VIEW_ITEM_LIST, alice, "s1", at(T0, 1)));
        tally.redefine(e.stop(at(T0, 10)));
        tally.accept(events.event(VIEW_ITEM_LIST, alice, "s1", at(T0, 10)));
        tally.accept(events.event(VIEW_ITEM_LIST, alice, "s1", at(T0, 9), at(T0, 12), null)); // sent late
        assertThat(tally.counts().get(0).impressions()).isEqualTo(2);
    }

    @Test void shoppers_held_out_by_the_traffic_share_are_not_counted() {
        Experiment e = halves(0.3);
        ExperimentTally tally = new ExperimentTally(e);
        String out = shopperIn(e, -1);
        String in = shopperIn(e, 0);
        tally.accept(events.event(VIEW_ITEM_LIST, out, "s1", at(T0, 1)));
        tally.accept(events.event(VIEW_ITEM_LIST, in, "s1", at(T0, 1)));
        assertThat(tally.counts()).extracting(VariantCounts::sessions).containsExactly(1L, 0L);
        assertThat(tally.counts()).extracting(VariantCounts::impressions).containsExactly(1L, 0L);
    }

    @Test void a_purchase_without_a_value_is_worth_its_items() {
        var e = events.event(EventName.PURCHASE, "s:x", "s1", T0);
        assertThat(ExperimentTally.purchaseValue(e.event())).isZero(); // the helper's item has no price
        var priced = new io.aisle.core.event.ShopperEvent(e.event().id(), EventName.PURCHASE, e.event().actor(), "s1", T0,
                List.of(new io.aisle.core.event.EventItem(io.aisle.core.catalog.ProductId.of("p"), new java.math.BigDecimal("2.50"), 3, null)),
                null, null, null, null, null, null, null, null);
        assertThat(ExperimentTally.purchaseValue(priced)).isEqualTo(7.5);
    }

    @Test void a_session_idle_for_a_day_is_closed_and_its_counts_stay() {
        Experiment e = halves(1.0);
        ExperimentTally tally = new ExperimentTally(e);
        String alice = shopperIn(e, 0);
        tally.accept(events.event(PAGE_VIEW, alice, "s1", at(T0, 1)));
        tally.accept(events.event(PAGE_VIEW, shopperIn(e, 1), "s9", at(T0, 1)));
        assertThat(tally.openSessions()).isEqualTo(2);
        Instant later = T0.plus(Duration.ofHours(26));
        tally.accept(events.event(PAGE_VIEW, shopperIn(e, 1), "s10", later));
        assertThat(tally.openSessions()).isEqualTo(1);
        assertThat(tally.counts()).extracting(VariantCounts::sessions).containsExactly(1L, 2L);
    }

    @Test void session_state_is_dropped_an_hour_after_the_stop() {
        Experiment e = halves(1.0);
        ExperimentTally tally = new ExperimentTally(e);
        tally.accept(events.event(PAGE_VIEW, shopperIn(e, 0), "s1", at(T0, 1)));
        tally.redefine(e.stop(at(T0, 2)));
        tally.accept(events.event(PAGE_VIEW, shopperIn(e, 0), "s1", at(T0, 1), at(T0, 30), null));
        assertThat(tally.openSessions()).isEqualTo(1);
        tally.accept(events.event(PAGE_VIEW, shopperIn(e, 0), "s1", at(T0, 1), at(T0, 200), null));
        assertThat(tally.openSessions()).isZero();
        assertThat(tally.counts().get(0).sessions()).isEqualTo(1);
    }

    @Test void forgetting_a_shopper_drops_their_sessions_but_keeps_the_totals() {
        Experiment e = halves(1.0);
        ExperimentTally tally = new ExperimentTally(e);
        String alice = shopperIn(e, 0);
        tally.accept(events.event(PAGE_VIEW, alice, "s1", at(T0, 1)));
        tally.forget(Set.of(alice));
        assertThat(tally.openSessions()).isZero();
        assertThat(tally.counts().get(0).sessions()).isEqualTo(1);
    }

    @Test void only_the_status_of_a_tallied_experiment_may_change() {
        ExperimentTally tally = new ExperimentTally(halves(1.0));
        Experiment other = Experiment.start("home-feed", "", null, 1.0,
                List.of(Variant.control("a", 1), Variant.treatment("c", 1)), T0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tally.redefine(other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("home-feed");
    }
}
