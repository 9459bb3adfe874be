package io.aisle.features.feature;

import io.aisle.core.event.EventItem;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.feature.EntityKind;
import io.aisle.core.feature.EntityRef;
import io.aisle.core.feature.FeatureVector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feature values recomputed from raw events the slow, obvious way, written apart from the engine (no buckets, no
 * decay bookkeeping) to check it.
 */
record BruteForce(FeatureCatalog catalog, ItemCatalog items, SignalWeights weights) {
    private static final double DAY = 86_400_000.0;

    /** Values of {@code ref} at {@code at} from {@code events} (those stamped at or after {@code at} are ignored). */
    FeatureVector vector(EntityRef ref, List<ShopperEvent> events, long at) {
        List<ShopperEvent> before = events.stream().filter(e -> e.timestamp().toEpochMilli() < at).toList();
        Map<String, Double> values = new LinkedHashMap<>();
        for (FeatureDefinition d : catalog.of(ref.kind())) values.put(d.name(), value(d, ref, before, at, values));
        return new FeatureVector(ref, Instant.ofEpochMilli(at), values);
    }

    private double value(FeatureDefinition d, EntityRef ref, List<ShopperEvent> events, long at, Map<String, Double> earlier) {
        return switch (d.aggregation()) {
            case Aggregation.Ratio r -> earlier.get(r.denominator()) == 0 ? Double.NaN : earlier.get(r.numerator()) / earlier.get(r.denominator());
            case Aggregation.Share s -> {
                FeatureDefinition part = catalog.find(ref.kind(), s.part()).orElseThrow();
                Set<String> siblings = new HashSet<>();
                for (ShopperEvent e : events) {
                    if (!e.actor().key().equals(ref.owner())) continue;
                    for (EventItem i : e.items()) {
                        ItemFacts f = items.facts(i.itemId()).orElse(null);
                        String name = f == null ? "" : ref.kind() == EntityKind.SHOPPER_BRAND ? f.brand() : f.category();
                        if (!name.isEmpty()) siblings.add(name);
                    }
                }
                double total = 0;
                for (String sibling : siblings) {
                    EntityRef other = new EntityRef(ref.kind(), ref.owner() + "/" + sibling);
                    total += Math.max(0, value(part, other, events, at, Map.of()));
                }
                yield total == 0 ? Double.NaN : Math.max(0, value(part, ref, events, at, Map.of())) / total;
            }
            case Aggregation.Last l -> {
                long last = Long.MIN_VALUE;
                for (ShopperEvent e : events) if (d.events().contains(e.name()) && touches(e, ref)) last = Math.max(last, e.timestamp().toEpochMilli());
                yield last == Long.MIN_VALUE ? Double.NaN : (at - last) / DAY;
            }
            case Aggregation.Distinct x -> {
                Set<String> seen = new HashSet<>();
                for (ShopperEvent e : events) {
                    if (!d.events().contains(e.name()) || !touches(e, ref) || !inWindow(d.window(), e, at)) continue;
                    if (x.key() == DistinctKey.SESSION) seen.add(e.sessionId());
                    for (Line line : lines(e, ref)) {
                        String v = switch (x.key()) {
                            case SESSION -> "";
                            case ITEM -> line.listing().value();
                            case CATEGORY -> line.category();
                            case BRAND -> line.brand();
                        };
                        if (!v.isEmpty()) seen.add(v);
                    }
                }
                yield Math.min(x.bound(), seen.size());
            }
            case Aggregation.Sum s -> sums(d, s.measure(), ref, events, at)[0];
            case Aggregation.Avg a -> {
                double[] sn = sums(d, a.measure(), ref, events, at);
                yield sn[1] == 0 ? Double.NaN : sn[0] / sn[1];
            }
        };
    }

    /** [weighted sum of the measure, weighted number of values]. */
    private double[] sums(FeatureDefinition d, Measure m, EntityRef ref, List<ShopperEvent> events, long at) {
        double sum = 0, n = 0;
        for (ShopperEvent e : events) {
            if (!d.events().contains(e.name()) || !touches(e, ref) || !inWindow(d.window(), e, at)) continue;
            double weight = d.window() instanceof Window.Decayed w
                    ? Math.pow(0.5, (double) (at - e.timestamp().toEpochMilli()) / w.halfLife().toMillis()) : 1;
            List<Double> values = new ArrayList<>();
            if (m == Measure.EVENTS) values.add(1.0);
            else if (m == Measure.DWELL_MS) values.add(e.dwellMs() == null ? Double.NaN : e.dwellMs());
            else for (Line line : lines(e, ref)) values.add(lineValue(m, e, line));
            for (double v : values) {
                if (Double.isNaN(v)) continue;
                sum += v * weight;
                n += weight;
            }
        }
        return new double[]{sum, n};
    }

    private double lineValue(Measure m, ShopperEvent e, Line line) {
        ItemFacts f = line.facts();
        return switch (m) {
            case LINES -> 1;
            case UNITS -> line.quantity();
            case REVENUE -> line.price() * line.quantity();
            case SIGNAL_WEIGHT -> weights.weight(e);
            case PRICE_INDEX -> f == null ? Double.NaN : line.price() / f.categoryMedianPrice();
            case DISCOUNTED -> f == null || Double.isNaN(line.price()) ? Double.NaN : line.price() < f.listPrice() ? 1 : 0;
            default -> throw new IllegalArgumentException(m.name());
        };
    }

    /** Read at {@code at}, a sliding window keeps events from the start of the current bucket minus its length. */
    private static boolean inWindow(Window w, ShopperEvent e, long at) {
        if (!(w instanceof Window.Sliding s)) return true;
        long bucket = s.bucket().toMillis();
        return e.timestamp().toEpochMilli() >= Math.floorDiv(at, bucket) * bucket - s.length().toMillis();
    }

    private boolean touches(ShopperEvent e, EntityRef ref) {
        if (ref.kind() == EntityKind.SHOPPER) return e.actor().key().equals(ref.id());
        return !lines(e, ref).isEmpty();
    }

    /** The event's lines that belong to the entity. */
    private List<Line> lines(ShopperEvent e, EntityRef ref) {
        List<Line> out = new ArrayList<>();
        if (ref.kind() != EntityKind.ITEM && !e.actor().key().equals(ref.owner())) return out;
        for (EventItem i : e.items()) {
            ItemFacts f = items.facts(i.itemId()).orElse(null);
            Line line = new Line(f == null ? i.itemId() : f.listing(), f, i.price() == null ? Double.NaN : i.price().doubleValue(), i.quantity());
            boolean mine = switch (ref.kind()) {
                case ITEM -> line.listing().value().equals(ref.id());
                case SHOPPER -> true;
                case SHOPPER_CATEGORY -> line.category().equals(ref.qualifier());
                case SHOPPER_BRAND -> line.brand().equals(ref.qualifier());
            };
            if (mine) out.add(line);
        }
        return out;
    }
}
