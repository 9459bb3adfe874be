package io.aisle.features.feature;

import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.port.EventLog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Point-in-time training sets: the features of each label's entity as of the label's time, computed by the same
 * engine as the online store, from events with timestamp strictly before the label time (an event at the label
 * time is the outcome being predicted, or happens with it, so it is left out).
 *
 * <p>One pass over the log. Labels are sorted by time; events go through a reorder buffer that releases them in
 * timestamp order once the newest timestamp read is {@code maxLateness} past them; before an event at time t is
 * applied, every label with time at most t is snapshot. An event more than {@code maxLateness} behind the newest
 * one read may arrive after a label it precedes was emitted: it is still applied (later labels see it) and counted
 * in {@link TrainingSet#lateEvents()}.
 */
public final class TrainingSetExporter {
    private static final Comparator<LoggedEvent> BY_TIME = Comparator
            .comparing((LoggedEvent e) -> e.event().timestamp()).thenComparingLong(LoggedEvent::offset);

    private final FeatureCatalog catalog;
    private final ItemCatalog items;
    private final SignalWeights weights;
    private final long maxLatenessMs;

    public TrainingSetExporter(FeatureCatalog catalog, ItemCatalog items, SignalWeights weights, Duration maxLateness) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.items = Objects.requireNonNull(items, "items");
        this.weights = Objects.requireNonNull(weights, "weights");
        if (maxLateness == null || maxLateness.isNegative()) throw new IllegalArgumentException("maxLateness must be zero or positive");
        this.maxLatenessMs = maxLateness.toMillis();
    }

    /** Reads the whole log page by page. */
    public TrainingSet export(List<Label> labels, EventLog log) {
        return export(labels, pages(log, 5_000));
    }

    /** Exports from events in offset (arrival) order. */
    public TrainingSet export(List<Label> labels, Iterator<LoggedEvent> log) {
        List<Label> sorted = new ArrayList<>(labels);
        sorted.sort(Comparator.comparing(Label::time)); // stable: ties keep the order given
        FeatureEngine engine = new FeatureEngine(catalog, items, weights);
        PriorityQueue<LoggedEvent> buffer = new PriorityQueue<>(BY_TIME);
        List<TrainingRow> rows = new ArrayList<>(sorted.size());
        long newest = Long.MIN_VALUE;
        long emittedUpTo = Long.MIN_VALUE; // time of the last label emitted
        long read = 0;
        long late = 0;
        int next = 0;
        while (log.hasNext()) {
            LoggedEvent e = log.next();
            read++;
            long t = e.event().timestamp().toEpochMilli();
            if (t < emittedUpTo) late++;
            newest = Math.max(newest, t);
            buffer.add(e);
            long watermark = newest - maxLatenessMs;
            while (!buffer.isEmpty() && buffer.peek().event().timestamp().toEpochMilli() < watermark) {
                LoggedEvent ready = buffer.poll();
                long at = ready.event().timestamp().toEpochMilli();
                while (next < sorted.size() && sorted.get(next).time().toEpochMilli() <= at) {
                    emittedUpTo = sorted.get(next).time().toEpochMilli();
                    rows.add(snapshot(engine, sorted.get(next++)));
                }
                engine.apply(ready.event());
            }
        }
        while (!buffer.isEmpty()) {
            LoggedEvent ready = buffer.poll();
            long at = ready.event().timestamp().toEpochMilli();
            while (next < sorted.size() && sorted.get(next).time().toEpochMilli() <= at) rows.add(snapshot(engine, sorted.get(next++)));
            engine.apply(ready.event());
        }
        while (next < sorted.size()) rows.add(snapshot(engine, sorted.get(next++)));
        return new TrainingSet(rows, read, late);
    }

    private static TrainingRow snapshot(FeatureEngine engine, Label label) {
        return new TrainingRow(label, engine.read(label.entity(), label.time().toEpochMilli()));
    }

    private static Iterator<LoggedEvent> pages(EventLog log, int pageSize) {
        return new Iterator<>() {
            private List<LoggedEvent> page = List.of();
            private int at;
            private long after;

            @Override public boolean hasNext() {
                if (at < page.size()) return true;
                page = log.readAfter(after, pageSize);
                at = 0;
                if (page.isEmpty()) return false;
                after = page.getLast().offset();
                return true;
            }

            @Override public LoggedEvent next() {
                if (!hasNext()) throw new NoSuchElementException();
                return page.get(at++);
            }
        };
    }
}
