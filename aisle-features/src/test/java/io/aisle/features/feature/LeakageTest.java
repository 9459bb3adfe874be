package io.aisle.features.feature;

import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.feature.EntityRef;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.aisle.features.feature.TinyShop.T0;
import static io.aisle.features.feature.TinyShop.event;
import static io.aisle.features.feature.TinyShop.item;
import static org.assertj.core.api.Assertions.assertThat;

/** A training row for a label at t is built only from events stamped strictly before t. */
class LeakageTest {
    private static final SimulatedWorld WORLD = SimulatedWorld.SMALL;
    private static final Duration LATENESS = Duration.ofHours(3);

    @Test
    void rows_are_bit_identical_whatever_happens_at_or_after_the_label_time() {
        List<LoggedEvent> log = WORLD.inArrivalOrder(17, Duration.ofMinutes(3), 0.02, Duration.ofHours(2));
        SplittableRandom random = new SplittableRandom(23);
        List<Label> labels = new ArrayList<>();
        List<Instant> times = List.of(WORLD.start().plus(Duration.ofDays(9)), WORLD.start().plus(Duration.ofDays(31)),
                WORLD.events().get(WORLD.events().size() / 2).timestamp(), WORLD.start().plus(Duration.ofDays(55)));
        for (Instant t : times) for (EntityRef e : OnlineOfflineParityTest.entitiesBefore(t, random, 25)) labels.add(new Label(e, t, 1));
        List<TrainingRow> original = export(labels, log);

        for (Instant t : times) {
            List<Label> upToT = labels.stream().filter(l -> !l.time().isAfter(t)).toList();
            List<TrainingRow> expected = original.stream().filter(r -> !r.label().time().isAfter(t)).toList();
            assertThat(export(upToT, rewriteFrom(log, t))).as("rows up to %s", t).isEqualTo(expected);
        }
    }

    /**
     * The log with every event at or after {@code t} removed, mutated into a huge purchase, or duplicated, and huge
     * purchases by every labelled shopper of every labelled item appended at exactly {@code t} and after.
     */
    private static List<LoggedEvent> rewriteFrom(List<LoggedEvent> log, Instant t) {
        List<ShopperEvent> out = new ArrayList<>();
        int k = 0;
        for (LoggedEvent e : log) {
            ShopperEvent ev = e.event();
            if (ev.timestamp().isBefore(t)) {
                out.add(ev);
                continue;
            }
            switch (k++ % 3) {
                case 0 -> { } // removed
                case 1 -> out.add(hugePurchase(ev, ev.timestamp(), "m" + k));
                default -> {
                    out.add(ev);
                    out.add(hugePurchase(ev, ev.timestamp().plusSeconds(1), "d" + k));
                }
            }
        }
        for (int i = 0; i < 500; i++) {
            ShopperEvent ev = WORLD.events().get(i * 7 % WORLD.events().size());
            out.add(hugePurchase(ev, t, "t" + i)); // exactly at the label time
        }
        return SimulatedWorld.log(out);
    }

    private static ShopperEvent hugePurchase(ShopperEvent like, Instant at, String tag) {
        List<EventItem> items = like.items().isEmpty() ? List.of(new EventItem(WORLD.products().getFirst().id(), null, 1, null))
                : like.items().stream().map(i -> new EventItem(i.itemId(), new BigDecimal("99999.00"), 50, null)).toList();
        return new ShopperEvent(EventId.of(like.id().value() + "-" + tag), EventName.PURCHASE, like.actor(), like.sessionId() + "-x", at,
                items, null, null, new BigDecimal("1000000.00"), "EUR", null, 900_000L, null, null);
    }

    @Test
    void an_event_at_the_label_time_is_left_out_and_one_a_millisecond_earlier_is_in() {
        Instant purchase = T0.plus(Duration.ofDays(2));
        List<LoggedEvent> log = SimulatedWorld.log(List.of(
                event(EventName.VIEW_ITEM, "u1", T0, item("P1", "100.00", 1)),
                event(EventName.PURCHASE, "u1", purchase, item("P1", "100.00", 1))));
        EntityRef shopper = EntityRef.shopper("s:u1");
        TrainingSet set = exporter().export(List.of(new Label(shopper, purchase, 1), new Label(shopper, purchase.plusMillis(1), 0)), log.iterator());
        assertThat(set.rows().get(0).features().value("purchases_lifetime")).isZero();
        assertThat(set.rows().get(0).features().value("days_since_last_event")).isEqualTo(2);
        assertThat(set.rows().get(0).features().asOf()).isEqualTo(purchase);
        assertThat(set.rows().get(1).features().value("purchases_lifetime")).isEqualTo(1);
        assertThat(set.rows().get(1).features().value("days_since_last_event")).isEqualTo(1 / 86_400_000.0);
    }

    @Test
    void rows_come_in_label_time_order_with_ties_in_the_order_given() {
        List<LoggedEvent> log = SimulatedWorld.log(List.of(event(EventName.VIEW_ITEM, "u1", T0, item("P1"))));
        Instant later = T0.plusSeconds(10);
        List<Label> labels = List.of(new Label(EntityRef.item("P2"), later, 0), new Label(EntityRef.item("P1"), later, 1),
                new Label(EntityRef.item("P1"), T0, 2));
        assertThat(exporter().export(labels, log.iterator()).rows()).extracting(r -> r.label().value()).containsExactly(2.0, 0.0, 1.0);
    }

    private static List<TrainingRow> export(List<Label> labels, List<LoggedEvent> log) {
        TrainingSet set = exporter().export(labels, log.iterator());
        assertThat(set.lateEvents()).isZero();
        return set.rows();
    }

    private static TrainingSetExporter exporter() {
        return new TrainingSetExporter(FeatureCatalog.standard(), WORLD.items(), SignalWeights.defaults(), LATENESS);
    }
}
