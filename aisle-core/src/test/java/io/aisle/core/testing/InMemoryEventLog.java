package io.aisle.core.testing;

import io.aisle.core.event.AppendOutcome;
import io.aisle.core.event.EventId;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.port.EventLog;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list-backed {@link EventLog} test double with the port's semantics: offsets from 1 never reused, duplicates by
 * event id acknowledged and not stored, erasure by shopper and linked devices. Received-at is the event's timestamp.
 */
public final class InMemoryEventLog implements EventLog {
    private final List<LoggedEvent> events = new ArrayList<>();
    private final Map<EventId, Long> offsets = new HashMap<>();
    private long next = 1;

    @Override public synchronized List<AppendOutcome> append(List<ShopperEvent> batch) {
        List<AppendOutcome> out = new ArrayList<>(batch.size());
        for (ShopperEvent e : batch) {
            Long earlier = offsets.get(e.id());
            if (earlier != null) {
                out.add(new AppendOutcome.Duplicate(earlier));
            } else {
                events.add(new LoggedEvent(next, e.timestamp(), e));
                offsets.put(e.id(), next);
                out.add(new AppendOutcome.Stored(next++));
            }
        }
        return out;
    }

    @Override public synchronized List<LoggedEvent> readAfter(long afterOffset, int max) {
        // Offsets rise with the index, so a binary search finds the start of the page.
        int lo = 0, hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).offset() <= afterOffset) lo = mid + 1;
            else hi = mid;
        }
        return List.copyOf(events.subList(lo, Math.min(events.size(), lo + max)));
    }

    @Override public synchronized List<LoggedEvent> latest(int max) {
        return events.reversed().stream().limit(max).toList();
    }

    @Override public synchronized long lastOffset() { return next - 1; }

    @Override public synchronized long count() { return events.size(); }

    @Override public synchronized long erase(ShopperId shopperId, Set<AnonymousId> anonymousIds) {
        int before = events.size();
        events.removeIf(l -> {
            var a = l.event().actor();
            boolean gone = shopperId.equals(a.shopperId()) || (a.shopperId() == null && anonymousIds.contains(a.anonymousId()));
            if (gone) offsets.remove(l.event().id()); // an erased event sent again is stored again
            return gone;
        });
        return before - events.size();
    }

    @Override public void close() {}
}
