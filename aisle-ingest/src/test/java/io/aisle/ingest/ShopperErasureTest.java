package io.aisle.ingest;

import io.aisle.core.event.Actor;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.replay.Projection;
import io.aisle.core.replay.ProjectionRunner;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;
import io.aisle.core.shopper.Trait;
import io.aisle.core.testing.InMemoryEventLog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopperErasureTest {
    private static final ShopperId ALICE = ShopperId.of("alice");
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    private final InMemoryShopperStore shoppers = new InMemoryShopperStore();
    private final InMemoryEventLog log = new InMemoryEventLog();

    /** Remembers every actor key it saw, and forgets on request: what a derived store keyed by actor must do. */
    static final class ActorKeys implements Projection {
        private final String name;
        final Set<String> seen = new HashSet<>();
        final List<Set<String>> forgotten = new ArrayList<>();
        RuntimeException failWith;

        ActorKeys(String name) { this.name = name; }

        ActorKeys() { this("actor-keys"); }

        @Override public String name() { return name; }

        @Override public void apply(LoggedEvent event) { seen.add(event.event().actor().key()); }

        @Override public void reset() { seen.clear(); }

        @Override public void forget(Set<String> actorKeys) {
            if (failWith != null) throw failWith;
            forgotten.add(actorKeys);
            seen.removeAll(actorKeys);
        }
    }

    private static ShopperEvent view(String id, String shopper, String anonymous) {
        return new ShopperEvent(EventId.of(id), EventName.VIEW_ITEM,
                new Actor(shopper == null ? null : ShopperId.of(shopper), anonymous == null ? null : AnonymousId.of(anonymous)),
                "s-1", T, List.of(EventItem.of("sku-1")), null, null, null, null, null, null, null, null);
    }

    private void seed() {
        log.append(List.of(view("e1", null, "dev-a"), view("e2", "alice", "dev-a"), view("e3", "alice", null),
                view("e4", "bob", "dev-a"), view("e5", null, "dev-b")));
        shoppers.link(ALICE, AnonymousId.of("dev-a"));
        shoppers.putTraits(ALICE, List.of(new Trait("fit", "slim", Trait.Source.STATED, T)));
    }

    @Test void erases_log_then_projections_then_record_and_a_replay_finds_no_trace() {
        seed();
        ActorKeys projection = new ActorKeys();
        new ProjectionRunner(log, 2).rebuild(List.of(projection));
        assertThat(projection.seen).containsExactlyInAnyOrder("a:dev-a", "s:alice", "s:bob", "a:dev-b");

        ErasureReceipt receipt = new ShopperErasure(shoppers, log, List.of(projection)).erase(ALICE);

        assertThat(receipt).isEqualTo(new ErasureReceipt(ALICE, 1, 3, List.of("actor-keys"), true));
        assertThat(projection.forgotten).containsExactly(Set.of("s:alice", "a:dev-a"));
        assertThat(projection.seen).containsExactlyInAnyOrder("s:bob", "a:dev-b");
        assertThat(shoppers.get(ALICE)).isEmpty();
        new ProjectionRunner(log, 2).rebuild(List.of(projection));
        assertThat(projection.seen).containsExactlyInAnyOrder("s:bob", "a:dev-b");
    }

    @Test void a_second_erasure_finds_nothing_and_still_succeeds() {
        seed();
        ShopperErasure erasure = new ShopperErasure(shoppers, log, List.of(new ActorKeys()));
        assertThat(erasure.erase(ALICE).foundAnything()).isTrue();
        ErasureReceipt again = erasure.erase(ALICE);
        assertThat(again).isEqualTo(new ErasureReceipt(ALICE, 0, 0, List.of("actor-keys"), false));
        assertThat(again.foundAnything()).isFalse();
    }

    @Test void a_failing_projection_keeps_the_record_so_a_retry_can_finish() {
        seed();
        ActorKeys broken = new ActorKeys();
        broken.failWith = new IllegalStateException("disk full");
        ActorKeys fine = new ActorKeys("fine");
        ShopperErasure erasure = new ShopperErasure(shoppers, log, List.of(broken, fine));
        assertThatThrownBy(() -> erasure.erase(ALICE)).isInstanceOf(ErasureIncompleteException.class)
                .hasMessageContaining("actor-keys").hasMessageContaining("disk full");
        assertThat(fine.forgotten).hasSize(1);
        assertThat(log.count()).isEqualTo(2);
        assertThat(shoppers.linkedIds(ALICE)).containsExactly(AnonymousId.of("dev-a"));
        broken.failWith = null;
        ErasureReceipt retry = erasure.erase(ALICE);
        assertThat(broken.forgotten).containsExactly(Set.of("s:alice", "a:dev-a"));
        assertThat(retry.recordRemoved()).isTrue();
    }

    @Test void actor_keys_cover_the_shopper_and_each_linked_device() {
        assertThat(ShopperErasure.actorKeys(ALICE, Set.of(AnonymousId.of("d2"), AnonymousId.of("d1"))))
                .containsExactlyInAnyOrder("s:alice", "a:d1", "a:d2");
    }
}
