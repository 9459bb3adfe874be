package io.aisle.ingest;

import io.aisle.core.event.AppendOutcome;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.port.EventLog;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A list-backed {@link EventLog} with the port's erasure semantics, for service tests. */
final class InMemoryEventLog implements EventLog {
    private final List<LoggedEvent> events = new ArrayList<>();
    private long next = 1;

    @Override public synchronized List<AppendOutcome> append(List<ShopperEvent> batch) {
        List<AppendOutcome> out = new ArrayList<>();
        for (ShopperEvent e : batch) {
            LoggedEvent earlier = events.stream().filter(l -> l.event().id().equals(e.id())).findFirst().orElse(null);
            if (earlier != null) {
                out.add(new AppendOutcome.Duplicate(earlier.offset()));
            } else {
                events.add(new LoggedEvent(next, Instant.EPOCH, e));
                out.add(new AppendOutcome.Stored(next++));
            }
        }
        return out;
    }

    @Override public synchronized List<LoggedEvent> readAfter(long afterOffset, int max) {
        return events.stream().filter(e -> e.offset() > afterOffset).limit(max).toList();
    }

    @Override public synchronized List<LoggedEvent> latest(int max) {
        return events.reversed().stream().limit(max).toList();
    }

    @Override public synchronized long lastOffset() { return events.isEmpty() ? 0 : events.getLast().offset(); }

    @Override public synchronized long count() { return events.size(); }

    @Override public synchronized long erase(ShopperId shopperId, Set<AnonymousId> anonymousIds) {
        int before = events.size();
        events.removeIf(l -> {
            var a = l.event().actor();
            return shopperId.equals(a.shopperId()) || (a.shopperId() == null && anonymousIds.contains(a.anonymousId()));
        });
        return before - events.size();
    }

    @Override public void close() {}
}
