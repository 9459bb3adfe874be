package io.aisle.recommend.experiment;

import io.aisle.core.event.Actor;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Logged shopper events for tally tests, numbered in the order they are made. */
final class Events {
    private long offset;

    LoggedEvent event(EventName name, String actorKey, String session, Instant at) {
        return event(name, actorKey, session, at, at, null);
    }

    LoggedEvent purchase(String actorKey, String session, Instant at, String value) {
        return event(EventName.PURCHASE, actorKey, session, at, at, new BigDecimal(value));
    }

    LoggedEvent event(EventName name, String actorKey, String session, Instant at, Instant received, BigDecimal value) {
        Actor actor = actorKey.startsWith("s:") ? Actor.shopper(actorKey.substring(2)) : Actor.anonymous(actorKey.substring(2));
        List<EventItem> items = name.needsItems() ? List.of(EventItem.of("p-1")) : List.of();
        offset++;
        ShopperEvent e = new ShopperEvent(EventId.of("e-" + offset), name, actor, session, at, items, null, null, value,
                value == null ? null : "EUR", null, null, null, null);
        return new LoggedEvent(offset, received, e);
    }

    static Instant at(Instant t0, long minutes) { return t0.plus(Duration.ofMinutes(minutes)); }
}
