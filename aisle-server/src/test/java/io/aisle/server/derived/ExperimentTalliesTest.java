package io.aisle.server.derived;

import io.aisle.core.event.Actor;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.ExperimentStore;
import io.aisle.core.experiment.Variant;
import io.aisle.recommend.experiment.Experiments;
import io.aisle.recommend.experiment.VariantCounts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics projection picks up experiments as they are defined and stopped, and a replay counts the same. */
class ExperimentTalliesTest {
    private static final Instant T0 = Instant.parse("2025-02-01T00:00:00Z");

    private final List<Experiment> stored = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Experiments experiments = new Experiments(new ExperimentStore() {
        @Override public List<Experiment> all() { return List.copyOf(stored); }

        @Override public void put(Experiment e) {
            stored.removeIf(x -> x.id().equals(e.id()));
            stored.add(e);
        }
    }, now::get);
    private final List<LoggedEvent> log = new ArrayList<>();

    private LoggedEvent listShown(String shopper, Instant at) {
        ShopperEvent e = new ShopperEvent(EventId.of("e" + log.size()), EventName.VIEW_ITEM_LIST, Actor.shopper(shopper),
                "s-" + shopper, at, List.of(), null, null, null, null, null, null, null, null);
        LoggedEvent logged = new LoggedEvent(log.size() + 1, at, e);
        log.add(logged);
        return logged;
    }

    private static long impressions(List<VariantCounts> counts) {
        return counts.stream().mapToLong(VariantCounts::impressions).sum();
    }

    @Test void an_experiment_defined_while_following_counts_from_the_next_page_and_a_replay_agrees() {
        ExperimentTallies tallies = new ExperimentTallies(experiments);
        tallies.applyAll(List.of(listShown("u1", T0.minusSeconds(10))));
        experiments.create("home-feed", "", null, 1.0, List.of(Variant.control("a", 1), Variant.treatment("b", 1)));
        assertThat(tallies.counts("home-feed")).isEmpty(); // not picked up until the next page

        List<LoggedEvent> page = new ArrayList<>();
        for (int i = 0; i < 20; i++) page.add(listShown("u" + i, T0.plusSeconds(i)));
        tallies.applyAll(page);
        now.set(T0.plusSeconds(100));
        experiments.stop("home-feed");
        tallies.applyAll(List.of(listShown("u1", T0.plusSeconds(100))));

        assertThat(impressions(tallies.counts("home-feed"))).isEqualTo(20);
        assertThat(tallies.lastOffset()).isEqualTo(log.size());

        List<VariantCounts> live = tallies.counts("home-feed");
        tallies.reset();
        assertThat(tallies.counts("home-feed")).isEmpty();
        tallies.applyAll(log);
        assertThat(tallies.counts("home-feed")).isEqualTo(live);
    }
}
