package io.aisle.features.feature;

import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.feature.EntityRef;
import io.aisle.core.feature.FeatureVector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online store and the training-set exporter compute the same values: for random entities and times T, a
 * pipeline fed every event stamped before T (in log order, late arrivals included) and read at T equals the
 * exported row for a label at T, for every feature.
 */
class OnlineOfflineParityTest {
    private static final SimulatedWorld WORLD = SimulatedWorld.SMALL;
    private static final Duration JITTER = Duration.ofMinutes(3);
    private static final Duration LATE_BY = Duration.ofHours(2);

    @Test
    void online_values_equal_exported_values_at_random_times_with_late_events() {
        List<LoggedEvent> log = WORLD.inArrivalOrder(11, JITTER, 0.02, LATE_BY);
        assertThat(outOfOrder(log)).as("the log has late events").isGreaterThan(500);
        SplittableRandom random = new SplittableRandom(5);

        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // Half at random instants, half exactly at an event's timestamp (that event must be left out).
            if (i % 2 == 0) times.add(WORLD.start().plusMillis(random.nextLong(Duration.between(WORLD.start(), WORLD.end()).toMillis())));
            else times.add(WORLD.events().get(random.nextInt(WORLD.events().size())).timestamp());
        }
        List<Label> labels = new ArrayList<>();
        for (Instant t : times) for (EntityRef e : entitiesBefore(t, random, 40)) labels.add(new Label(e, t, 0));

        TrainingSet set = exporter(LATE_BY.plus(JITTER)).export(labels, log.iterator());
        assertThat(set.lateEvents()).isZero();
        assertThat(set.rows()).hasSize(labels.size());

        Map<Instant, FeaturePipeline> online = new HashMap<>();
        List<String> differences = new ArrayList<>();
        int nonZero = 0;
        for (TrainingRow row : set.rows()) {
            FeaturePipeline p = online.computeIfAbsent(row.label().time(), t -> fedBefore(log, t));
            FeatureVector live = p.getAt(row.label().entity(), row.label().time());
            differences.addAll(Vectors.differences(live, row.features()));
            nonZero += (int) live.values().values().stream().filter(v -> v != 0 && !v.isNaN()).count();
        }
        assertThat(differences).isEmpty();
        assertThat(nonZero).as("the comparison saw real values").isGreaterThan(labels.size() * 3);
    }

    @Test
    void events_later_than_the_allowed_lateness_are_counted() {
        List<LoggedEvent> log = WORLD.inArrivalOrder(11, JITTER, 0.02, LATE_BY);
        Instant t = WORLD.start().plus(Duration.ofDays(30));
        List<Label> labels = entitiesBefore(t, new SplittableRandom(1), 10).stream().map(e -> new Label(e, t, 0)).toList();
        TrainingSet strict = exporter(Duration.ZERO).export(labels, log.iterator());
        assertThat(strict.lateEvents()).isPositive();
        assertThat(strict.eventsRead()).isEqualTo(log.size());
    }

    static TrainingSetExporter exporter(Duration maxLateness) {
        return new TrainingSetExporter(FeatureCatalog.standard(), WORLD.items(), SignalWeights.defaults(), maxLateness);
    }

    /** The online store as it stands when every event stamped before {@code t} has arrived, in log order. */
    static FeaturePipeline fedBefore(List<LoggedEvent> log, Instant t) {
        FeaturePipeline p = FeaturePipeline.standard(WORLD.items());
        for (LoggedEvent e : log) if (e.event().timestamp().isBefore(t)) p.apply(e);
        return p;
    }

    /** Random items, shoppers and shopper categories and brands that had events before {@code t}, and one unknown of each. */
    static List<EntityRef> entitiesBefore(Instant t, SplittableRandom random, int count) {
        List<ShopperEvent> before = WORLD.events().stream().filter(e -> e.timestamp().isBefore(t)).toList();
        Set<EntityRef> out = new LinkedHashSet<>();
        while (out.size() < count && !before.isEmpty()) {
            ShopperEvent e = before.get(random.nextInt(before.size()));
            String actor = e.actor().key();
            out.add(EntityRef.shopper(actor));
            if (e.items().isEmpty()) continue;
            var facts = WORLD.items().facts(e.items().get(random.nextInt(e.items().size())).itemId()).orElseThrow();
            out.add(EntityRef.item(facts.listing()));
            if (random.nextBoolean()) out.add(EntityRef.shopperCategory(actor, facts.category()));
            else out.add(EntityRef.shopperBrand(actor, facts.brand()));
        }
        out.add(EntityRef.item("NOT-IN-CATALOGUE"));
        out.add(EntityRef.shopper("a:never-seen"));
        return new ArrayList<>(out);
    }

    private static int outOfOrder(List<LoggedEvent> log) {
        int n = 0;
        TreeSet<Instant> seen = new TreeSet<>();
        for (LoggedEvent e : log) {
            if (!seen.isEmpty() && e.event().timestamp().isBefore(seen.last())) n++;
            seen.add(e.event().timestamp());
        }
        return n;
    }
}
