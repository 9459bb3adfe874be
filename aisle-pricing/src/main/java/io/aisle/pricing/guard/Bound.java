package io.aisle.pricing.guard;

/** One guardrail's limit on a price: {@code price >= value} when lower, {@code price <= value} otherwise. */
public record Bound(String guardrail, double value, boolean lower) {
    /** Rounding slack in currency units: a thousandth of a cent. */
    public static final double TOLERANCE = 1e-5;

    /** Whether {@code price} respects this bound (to a thousandth of a cent). */
    public boolean admits(double price) {
        return lower ? price >= value - TOLERANCE : price <= value + TOLERANCE;
    }

    public String describe() {
        return guardrail + (lower ? " needs price >= " : " allows at most ") + String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
