package io.aisle.features.session;

import io.aisle.core.event.Actor;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.replay.Projection;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hand-built shopper events for session and graph tests: one actor, one session id, times as minutes from T0. */
public final class Events {
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private Events() {}

    public static Actor shopper(String id) { return Actor.shopper(id); }

    public static Actor device(String id) { return Actor.anonymous(id); }

    /** A logged-in shopper on a device: the event that stitches the two. */
    public static Actor login(String shopper, String device) { return new Actor(ShopperId.of(shopper), AnonymousId.of(device)); }

    public static Instant minute(double m) { return T0.plusMillis(Math.round(m * 60_000)); }

    public static Instant day(double d) { return T0.plus(Duration.ofMillis(Math.round(d * 86_400_000))); }

    public static ShopperEvent event(EventName name, Actor actor, String session, Instant at, String... items) {
        return new ShopperEvent(id(name, actor, at), name, actor, session, at, items(items), null, null, null, null, null,
                null, null, null);
    }

    public static ShopperEvent view(Actor actor, String session, Instant at, String item) {
        return event(EventName.VIEW_ITEM, actor, session, at, item);
    }

    public static ShopperEvent cart(Actor actor, String session, Instant at, String item) {
        return event(EventName.ADD_TO_CART, actor, session, at, item);
    }

    public static ShopperEvent purchase(Actor actor, String session, Instant at, String... items) {
        return event(EventName.PURCHASE, actor, session, at, items);
    }

    public static ShopperEvent page(Actor actor, String session, Instant at) { return event(EventName.PAGE_VIEW, actor, session, at); }

    public static ShopperEvent dwell(Actor actor, String session, Instant at, String item, long ms) {
        return new ShopperEvent(id(EventName.DWELL, actor, at), EventName.DWELL, actor, session, at, items(item), null, null,
                null, null, null, ms, null, null);
    }

    public static ShopperEvent search(Actor actor, String session, Instant at, String query) {
        return new ShopperEvent(id(EventName.SEARCH, actor, at), EventName.SEARCH, actor, session, at, null, query, null,
                null, null, null, null, null, null);
    }

    /** The events as a log page, offsets from 1. */
    public static List<LoggedEvent> logged(List<ShopperEvent> events) {
        List<LoggedEvent> out = new ArrayList<>(events.size());
        for (ShopperEvent e : events) out.add(new LoggedEvent(out.size() + 1, e.timestamp(), e));
        return out;
    }

    /** Applies the events, in order, as one page. */
    public static <P extends Projection> P applied(P projection, ShopperEvent... events) {
        projection.applyAll(logged(Arrays.asList(events)));
        return projection;
    }

    private static List<EventItem> items(String... ids) { return Arrays.stream(ids).map(EventItem::of).toList(); }

    private static EventId id(EventName name, Actor actor, Instant at) {
        return EventId.of(name.wire() + "-" + actor.key().replace(':', '-') + "-" + at.toEpochMilli() + "-" + System.identityHashCode(at));
    }
}
