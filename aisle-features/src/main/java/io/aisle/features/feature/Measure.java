package io.aisle.features.feature;

import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;

/**
 * The number an event adds to a sum. Event measures add once per event and entity; line measures add once per item
 * line of the event that belongs to the entity (an item's own lines, a category's lines). NaN means "does not
 * apply" (no price, no dwell): the line is skipped and does not count towards an average.
 */
public enum Measure {
    /** 1 per event: counts events. */
    EVENTS(false),
    /** 1 per item line. */
    LINES(true),
    /** The line's quantity. */
    UNITS(true),
    /** Price times quantity of the line, in the event's currency. */
    REVENUE(true),
    /** The event's {@code dwell_ms}. */
    DWELL_MS(false),
    /** {@link SignalWeights#weight} of the event, per line: purchase 5, cart 3 ... bounce -0.5, refund -4. */
    SIGNAL_WEIGHT(true),
    /** The line's price over the median list price of its category: below 1 is cheaper than usual for the category. */
    PRICE_INDEX(true),
    /** 1 when the line's price is below the product's list price (bought on a discount), else 0. */
    DISCOUNTED(true);

    private final boolean perLine;

    Measure(boolean perLine) { this.perLine = perLine; }

    /** Whether the measure adds per item line rather than once per event. */
    public boolean perLine() { return perLine; }

    /** The value of an event measure. */
    double ofEvent(ShopperEvent e) {
        return switch (this) {
            case EVENTS -> 1;
            case DWELL_MS -> e.dwellMs() == null ? Double.NaN : e.dwellMs();
            default -> throw new IllegalStateException(this + " is a line measure");
        };
    }

    /** The value of a line measure for one line. */
    double ofLine(ShopperEvent e, Line line, SignalWeights weights) {
        return switch (this) {
            case LINES -> 1;
            case UNITS -> line.quantity();
            case REVENUE -> line.price() * line.quantity();
            case SIGNAL_WEIGHT -> weights.weight(e);
            case PRICE_INDEX -> line.facts() == null || !(line.facts().categoryMedianPrice() > 0)
                    ? Double.NaN : line.price() / line.facts().categoryMedianPrice();
            case DISCOUNTED -> line.facts() == null || Double.isNaN(line.price()) || !(line.facts().listPrice() > 0)
                    ? Double.NaN : line.price() < line.facts().listPrice() - 1e-9 ? 1 : 0;
            default -> throw new IllegalStateException(this + " is an event measure");
        };
    }
}
