package io.aisle.server.console;

import io.aisle.core.event.LoggedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the live event view shows: log totals, counters over the newest events (the window), and the newest rows.
 *
 * @param window     how many of the newest events the counters cover
 * @param capped     whether the window is full, so counts over it are lower bounds ("at least")
 * @param lastMinute events of the window received in the minute before {@code now}
 */
public record FeedView(long total, long lastOffset, List<LoggedEvent> rows, int window, boolean capped,
                       List<NameCount> byName, int actors, int lastMinute, Instant now) {

    /** How often one event name occurs in the window. */
    public record NameCount(String name, long count) {}

    /** Counts the window (newest first) and keeps its first {@code rowCount} events as rows. */
    static FeedView of(long total, long lastOffset, List<LoggedEvent> newest, int windowSize, int rowCount, Instant now) {
        Map<String, Long> names = new TreeMap<>();
        Set<String> actors = new HashSet<>();
        int lastMinute = 0;
        Instant minuteAgo = now.minus(Duration.ofMinutes(1));
        for (LoggedEvent e : newest) {
            names.merge(e.event().name().wire(), 1L, Long::sum);
            actors.add(e.event().actor().key());
            if (e.receivedAt().isAfter(minuteAgo)) lastMinute++;
        }
        List<NameCount> byName = names.entrySet().stream().map(x -> new NameCount(x.getKey(), x.getValue()))
                .sorted(Comparator.comparingLong(NameCount::count).reversed()).toList();
        return new FeedView(total, lastOffset, List.copyOf(newest.subList(0, Math.min(rowCount, newest.size()))),
                newest.size(), newest.size() >= windowSize, byName, actors.size(), lastMinute, now);
    }
}
