package io.aisle.server.derived;

import io.aisle.core.event.Actor;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.EventContext;
import io.aisle.core.replay.Projection;
import io.aisle.store.embedded.EmbeddedStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionHostTest {

    /** Counts events per actor; deliberately not thread-safe, as real projections are not. */
    static class PerActor implements Projection {
        final Map<String, Integer> counts = new HashMap<>();
        long lastOffset;

        @Override public String name() { return "per-actor"; }

        @Override public void apply(LoggedEvent e) {
            if (e.offset() <= lastOffset) throw new IllegalStateException("out of order: " + e.offset());
            lastOffset = e.offset();
            counts.merge(e.event().actor().key(), 1, Integer::sum);
        }

        @Override public void reset() { counts.clear(); lastOffset = 0; }

        @Override public void forget(Set<String> actorKeys) { counts.keySet().removeAll(actorKeys); }
    }

    @Test void replaysTheLogThenFollowsItAndForgetsBetweenPages(@TempDir Path dir) throws Exception {
        try (EmbeddedStorage storage = EmbeddedStorage.open(dir)) {
            storage.events().append(events("a", 0, 1_500));
            PerActor counts = new PerActor();
            try (ProjectionHost host = new ProjectionHost(storage.events(), List.of(counts), Duration.ofMillis(10), 100).start()) {
                awaitOffset(host, 1_500);
                assertThat(host.caughtUp()).isTrue();
                assertThat(host.read(() -> Map.copyOf(counts.counts))).containsEntry("a:dev-a", 1_500);

                storage.events().append(events("b", 1_500, 300));
                awaitOffset(host, 1_800);
                assertThat(host.read(() -> counts.counts.get("a:dev-b"))).isEqualTo(300);
                assertThat(host.lag()).isZero();

                host.forget(Set.of("a:dev-a"));
                assertThat(host.read(() -> Map.copyOf(counts.counts))).containsOnlyKeys("a:dev-b");
            }
        }
    }

    @Test void aProjectionFailingOnAPageNeitherStopsNorDoublesTheOthers(@TempDir Path dir) throws Exception {
        try (EmbeddedStorage storage = EmbeddedStorage.open(dir)) {
            storage.events().append(events("a", 0, 250));
            PerActor counts = new PerActor();
            Projection flaky = new PerActor() {
                @Override public String name() { return "flaky"; }

                @Override public void apply(LoggedEvent e) {
                    if (e.offset() == 120) throw new IllegalStateException("boom");
                    super.apply(e);
                }
            };
            try (ProjectionHost host = new ProjectionHost(storage.events(), List.of(flaky, counts), Duration.ofMillis(10), 100).start()) {
                awaitOffset(host, 250);
                assertThat(host.read(() -> counts.counts.get("a:dev-a"))).isEqualTo(250);
                assertThat(host.failures()).isEqualTo(1);
            }
        }
    }

    private static void awaitOffset(ProjectionHost host, long offset) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // caughtUp is set just after the first catch-up's last page: wait for both.
        while ((host.appliedOffset() < offset || !host.caughtUp()) && System.nanoTime() < deadline) Thread.sleep(5);
        assertThat(host.appliedOffset()).isEqualTo(offset);
    }

    private static List<ShopperEvent> events(String device, int from, int n) {
        List<ShopperEvent> out = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = from; i < from + n; i++) {
            out.add(new ShopperEvent(EventId.of("e" + i), EventName.PAGE_VIEW, Actor.anonymous("dev-" + device), "s-" + device,
                    t.plusSeconds(i), List.of(), null, Map.of(), null, null, EventContext.NONE, null, null, null));
        }
        return out;
    }
}
