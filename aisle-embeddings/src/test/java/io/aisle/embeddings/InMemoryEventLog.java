package io.aisle.embeddings;

import io.aisle.core.event.AppendOutcome;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.port.EventLog;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An EventLog test double: a list, offsets from 1, received-at = the event's timestamp; no duplicate check. */
public final class InMemoryEventLog implements EventLog {
    private final List<LoggedEvent> events = new ArrayList<>();
    private long last;

    @Override public synchronized List<AppendOutcome> append(List<ShopperEvent> batch) {
        List<AppendOutcome> out = new ArrayList<>(batch.size());
        for (ShopperEvent e : batch) {
            events.add(new LoggedEvent(++last, e.timestamp(), e));
            out.add(new AppendOutcome.Stored(last));
        }
        return out;
    }

    @Override public synchronized List<LoggedEvent> readAfter(long afterOffset, int max) {
        return events.stream().filter(e -> e.offset() > afterOffset).limit(max).toList();
    }

    @Override public synchronized List<LoggedEvent> latest(int max) {
        List<LoggedEvent> out = new ArrayList<>(events.subList(Math.max(0, events.size() - max), events.size()));
        java.util.Collections.reverse(out);
        return out;
    }

    @Override public synchronized long lastOffset() { return last; }

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
