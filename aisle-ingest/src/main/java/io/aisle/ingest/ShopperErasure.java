package io.aisle.ingest;

import io.aisle.core.port.EventLog;
import io.aisle.core.port.ShopperStore;
import io.aisle.core.replay.ActorMemory;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The right to erasure: removes a shopper's events (and the anonymous-only events of devices linked to them) from the
 * log, tells every projection to forget them, then deletes the shopper record. Idempotent, and ordered so that a run
 * that fails part way can simply be repeated: the record, which holds the linked ids, goes last.
 */
public final class ShopperErasure {
    private static final Logger log = LoggerFactory.getLogger(ShopperErasure.class);

    private final ShopperStore shoppers;
    private final EventLog events;
    private final List<ActorMemory> projections;

    /** @param projections every piece of derived state keyed by actor (sessions, graph, features, vectors...) */
    public ShopperErasure(ShopperStore shoppers, EventLog events, List<? extends ActorMemory> projections) {
        this.shoppers = Objects.requireNonNull(shoppers, "shoppers");
        this.events = Objects.requireNonNull(events, "events");
        this.projections = List.copyOf(projections);
    }

    /** The actor keys a shopper appears under: {@code s:<id>} and {@code a:<each linked anonymous id>}. */
    public static Set<String> actorKeys(ShopperId id, Set<AnonymousId> linked) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("s:" + id.value());
        linked.stream().map(AnonymousId::value).sorted().forEach(a -> keys.add("a:" + a));
        return Set.copyOf(keys);
    }

    /**
     * Erases the shopper. Events first (the source of truth, so a replay can never bring them back), then derived
     * state, then the record.
     *
     * @throws ErasureIncompleteException when a projection failed to forget; the record is kept for the retry
     */
    public ErasureReceipt erase(ShopperId id) {
        Objects.requireNonNull(id, "id");
        Set<AnonymousId> linked = shoppers.linkedIds(id);
        long removed = events.erase(id, linked);
        Set<String> keys = actorKeys(id, linked);
        List<String> notified = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        RuntimeException first = null;
        for (ActorMemory p : projections) {
            try {
                p.forget(keys);
                notified.add(p.name());
            } catch (RuntimeException e) {
                // Carry on: the other projections can still forget, and the retry only needs to redo this one.
                log.error("event=shopper.erase_projection_failed projection={} reason=\"{}\"", p.name(), e.getMessage(), e);
                failed.add(p.name());
                if (first == null) first = e;
            }
        }
        if (first != null) throw new ErasureIncompleteException(failed, first);
        boolean recordRemoved = shoppers.erase(id);
        log.info("event=shopper.erase events_removed={} linked_ids={} projections={} record_removed={}", removed,
                linked.size(), notified.size(), recordRemoved);
        return new ErasureReceipt(id, linked.size(), removed, notified, recordRemoved);
    }
}
