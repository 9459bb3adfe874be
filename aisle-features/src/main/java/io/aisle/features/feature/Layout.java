package io.aisle.features.feature;

import io.aisle.core.event.EventName;
import io.aisle.core.feature.EntityKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entity kind's definitions compiled into state: which slots an entity holds, which updaters each event name
 * runs, and one reader per feature. Features that need the same state share it (views over 24 h and 7 d read one
 * hourly series; an average and a ratio reuse the sums they divide).
 */
final class Layout {
    private static final int EVENT_NAMES = EventName.values().length;

    private final EntityKind kind;
    private final String[] names;
    private final Reader[] readers;
    private final Updater[][] byEvent;
    private final int cellCount;
    private final int[] timeCells;
    private final int seriesCount;
    private final int setCount;
    private final EntityState empty;
    private long maxBytes;

    private Layout(EntityKind kind, String[] names, Reader[] readers, Updater[][] byEvent, int cells, int[] timeCells, int series, int sets) {
        this.kind = kind;
        this.names = names;
        this.readers = readers;
        this.byEvent = byEvent;
        this.cellCount = cells;
        this.timeCells = timeCells;
        this.seriesCount = series;
        this.setCount = sets;
        this.empty = new EntityState(this);
    }

    EntityKind kind() { return kind; }

    /** Cells (sums and times) an entity holds. */
    int cellCount() { return cellCount; }

    /** The cells that hold times, which start at {@link EntityState#NEVER}. */
    int[] timeCells() { return timeCells; }

    int seriesCount() { return seriesCount; }

    int setCount() { return setCount; }

    /** Feature names, in the catalogue's order. */
    String[] names() { return names; }

    /** The updaters an event of this name runs; empty when it feeds nothing of this kind. */
    Updater[] updaters(EventName name) { return byEvent[name.ordinal()]; }

    /** The most bytes one entity's state can take (arrays and headers, no padding): the per-entity bound. */
    long maxBytes() { return maxBytes; }

    /** A state with nothing in it, for entities never seen; never written. */
    EntityState empty() { return empty; }

    /** Every feature's value at {@code at}, in order. */
    double[] evaluate(EntityState s, long at, Collection<EntityState> siblings) {
        double[] values = new double[readers.length];
        for (int i = 0; i < readers.length; i++) values[i] = readers[i].read(s, at, values, siblings);
        return values;
    }

    static Layout compile(EntityKind kind, List<FeatureDefinition> definitions) {
        return new Compiler(kind).compile(definitions);
    }

    /** Assigns state slots, sharing them between features that need the same. */
    private static final class Compiler {
        private record SeriesKey(Set<EventName> events, Measure measure, boolean countOnly, long bucketMs) {}
        private record ScalarKey(Set<EventName> events, Measure measure, boolean countOnly, long halfLifeMs) {}
        private record SetKey(Set<EventName> events, DistinctKey key, int bound) {}

        private final EntityKind kind;
        // Linked maps: slot numbers and updater order follow the definitions, the same on every run.
        private final Map<SeriesKey, Integer> series = new LinkedHashMap<>();
        private final Map<SeriesKey, Integer> spans = new HashMap<>();
        private final Map<ScalarKey, int[]> scalars = new LinkedHashMap<>(); // [scalar, time or -1]
        private final Map<Set<EventName>, Integer> lasts = new LinkedHashMap<>();
        private final Map<SetKey, Integer> sets = new LinkedHashMap<>();
        private final Map<String, Reader> stateful = new HashMap<>();
        private final List<Integer> timeCells = new ArrayList<>();
        private int cellCount;

        private int sumCell() { return cellCount++; }

        private int timeCell() {
            timeCells.add(cellCount);
            return cellCount++;
        }

        Compiler(EntityKind kind) { this.kind = kind; }

        Layout compile(List<FeatureDefinition> definitions) {
            Map<String, Integer> index = new HashMap<>();
            String[] names = new String[definitions.size()];
            Reader[] readers = new Reader[definitions.size()];
            for (int i = 0; i < definitions.size(); i++) {
                FeatureDefinition d = definitions.get(i);
                if (d.entity() != kind) throw new IllegalArgumentException(d.name() + " is a " + d.entity() + " feature, not " + kind);
                names[i] = d.name();
                readers[i] = reader(d, index);
                index.put(d.name(), i);
                if (!d.aggregation().derived()) stateful.put(d.name(), readers[i]);
            }
            List<List<Updater>> byEvent = new ArrayList<>();
            for (int e = 0; e < EVENT_NAMES; e++) byEvent.add(new ArrayList<>());
            series.forEach((k, slot) -> {
                Updater u = new Updater.AddToSeries(slot, k.measure(), k.countOnly(), k.bucketMs(), spans.get(k));
                k.events().forEach(e -> byEvent.get(e.ordinal()).add(u));
            });
            scalars.forEach((k, slots) -> {
                Updater u = k.halfLifeMs() == 0 ? new Updater.AddToScalar(slots[0], k.measure(), k.countOnly())
                        : new Updater.AddDecayed(slots[0], slots[1], k.measure(), k.countOnly(), k.halfLifeMs());
                k.events().forEach(e -> byEvent.get(e.ordinal()).add(u));
            });
            lasts.forEach((events, slot) -> events.forEach(e -> byEvent.get(e.ordinal()).add(new Updater.Touch(slot))));
            sets.forEach((k, slot) -> k.events().forEach(e -> byEvent.get(e.ordinal()).add(new Updater.AddDistinct(slot, k.key(), k.bound()))));
            Updater[][] table = new Updater[EVENT_NAMES][];
            for (int e = 0; e < EVENT_NAMES; e++) table[e] = byEvent.get(e).toArray(Updater[]::new);
            Layout layout = new Layout(kind, names, readers, table, cellCount, timeCells.stream().mapToInt(Integer::intValue).toArray(), series.size(), sets.size());
            // The most an entity can hold: every series full (span + 1 entries), every set at its bound.
            long most = layout.empty().bytes();
            for (int span : spans.values()) most += 16 + 8L * (1 + 2 * (span + 1));
            for (SetKey k : sets.keySet()) most += 16 + 8L * (1 + 2 * k.bound());
            layout.maxBytes = most;
            return layout;
        }

        private Reader reader(FeatureDefinition d, Map<String, Integer> index) {
            return switch (d.aggregation()) {
                case Aggregation.Sum sum -> additive(d, sum.measure(), false);
                case Aggregation.Avg avg -> new Reader.Quotient(additive(d, avg.measure(), false), additive(d, avg.measure(), true));
                case Aggregation.Last last -> new Reader.DaysSince(lasts.computeIfAbsent(d.events(), e -> timeCell()));
                case Aggregation.Distinct distinct -> {
                    int slot = sets.computeIfAbsent(new SetKey(d.events(), distinct.key(), distinct.bound()), k -> sets.size());
                    yield d.window() instanceof Window.Sliding w
                            ? new Reader.DistinctCount(slot, w.bucket().toMillis(), w.length().toMillis())
                            : new Reader.DistinctCount(slot, 0, 0);
                }
                case Aggregation.Ratio ratio -> new Reader.FeatureRatio(index.get(ratio.numerator()), index.get(ratio.denominator()));
                case Aggregation.Share share -> {
                    // The part is stateful (checked by the catalogue), so its reader needs no earlier values.
                    Reader part = stateful.get(share.part());
                    if (part == null) throw new IllegalArgumentException("share part '" + share.part() + "' is not a stateful " + kind + " feature");
                    yield new Reader.ShareOf(part);
                }
            };
        }

        private Reader additive(FeatureDefinition d, Measure measure, boolean countOnly) {
            Reader r = switch (d.window()) {
                case Window.Sliding w -> {
                    SeriesKey key = new SeriesKey(d.events(), measure, countOnly, w.bucket().toMillis());
                    int slot = series.computeIfAbsent(key, k -> series.size());
                    spans.merge(key, w.buckets(), Math::max);
                    yield new Reader.SeriesSum(slot, w.bucket().toMillis(), w.buckets());
                }
                case Window.Lifetime l -> new Reader.ScalarValue(scalars.computeIfAbsent(
                        new ScalarKey(d.events(), measure, countOnly, 0), k -> new int[]{sumCell(), -1})[0]);
                case Window.Decayed w -> {
                    int[] slots = scalars.computeIfAbsent(new ScalarKey(d.events(), measure, countOnly, w.halfLife().toMillis()),
                            k -> new int[]{sumCell(), timeCell()});
                    yield new Reader.DecayedValue(slots[0], slots[1], w.halfLife().toMillis());
                }
            };
            return r;
        }
    }
}
