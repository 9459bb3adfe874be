package io.aisle.server.derived;

import io.aisle.features.feature.Aggregation;
import io.aisle.features.feature.FeatureDefinition;
import io.aisle.features.feature.Window;

import java.util.stream.Collectors;

/** Says in words what a feature measures, from its definition, so profiles explain every number they show. */
final class FeatureExplainer {
    private FeatureExplainer() {}

    static String explain(FeatureDefinition d) {
        String events = d.events().isEmpty() ? "events"
                : d.events().stream().map(e -> e.wire()).sorted().collect(Collectors.joining(", "));
        String what = switch (d.aggregation()) {
            case Aggregation.Sum s when s.measure().name().equals("EVENTS") -> "number of " + events;
            case Aggregation.Sum s -> "sum of " + measure(s.measure().name()) + " over " + events;
            case Aggregation.Avg a -> "average " + measure(a.measure().name()) + " of " + events;
            case Aggregation.Last l -> "days since the last of " + events;
            case Aggregation.Distinct x -> "distinct " + x.key().name().toLowerCase() + "s in " + events + " (counted up to " + x.bound() + ")";
            case Aggregation.Ratio r -> r.numerator() + " divided by " + r.denominator();
            case Aggregation.Share s -> "share of the shopper's " + s.part() + " that falls here";
            default -> "number of " + events;
        };
        return what + ", " + window(d.window());
    }

    private static String measure(String name) {
        return switch (name) {
            case "REVENUE" -> "price x quantity";
            case "DWELL_MS" -> "dwell time (ms)";
            case "SIGNAL_WEIGHT" -> "signal weight (purchase 5, cart 3, zoom 1.5, long dwell 1.2, view 1, bounce -0.5)";
            case "PRICE_INDEX" -> "price relative to the category median";
            case "DISCOUNTED" -> "discounted share";
            default -> name.toLowerCase().replace('_', ' ');
        };
    }

    private static String window(Window w) {
        return switch (w) {
            case Window.Lifetime l -> "over all time";
            case Window.Decayed d -> "decayed with a half-life of " + d.halfLife().toDays() + " days";
            case Window.Sliding s -> "over the last " + s.suffix();
            default -> w.suffix();
        };
    }
}
