package io.aisle.pricing.guard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The guardrails of one product turned into lower and upper bounds on its price, and the ladder prices between them.
 * Family (pack size) consistency couples products and is applied by {@link FamilyRule}.
 */
public final class PriceBounds {
    /** Upper search limit when no guardrail caps the price: not a guardrail, just where the search stops. */
    public static final double SEARCH_MULTIPLE = 3.0;
    /** The Omnibus look-back. */
    public static final int OMNIBUS_DAYS = 30;
    /** Name of the search limit used when no guardrail caps the price. */
    public static final String SEARCH_RANGE = "search-range";

    private final ProductInput product;
    private final List<Bound> bounds;
    private final Double referencePrice;

    private PriceBounds(ProductInput product, List<Bound> bounds, Double referencePrice) {
        this.product = product;
        this.bounds = List.copyOf(bounds);
        this.referencePrice = referencePrice;
    }

    /** The bounds of {@code product} on {@code asOf} (the date the new price takes effect). */
    public static PriceBounds of(ProductInput product, LocalDate asOf) {
        Guardrails g = product.guardrails();
        List<Bound> b = new ArrayList<>();
        double cost = product.cost();
        double current = product.currentPrice();
        if (g.costFloor() && cost > 0) b.add(new Bound("cost-floor", cost, true));
        if (g.minMargin() != null && cost > 0) b.add(new Bound("min-margin", cost / (1 - g.minMargin()), true));
        if (g.maxChange() != null) {
            b.add(new Bound("max-change", current * (1 - g.maxChange()), true));
            b.add(new Bound("max-change", current * (1 + g.maxChange()), false));
        }
        if (g.minAdvertisedPrice() != null) b.add(new Bound("min-advertised-price", g.minAdvertisedPrice(), true));
        if (g.competitorMin() != null) b.add(new Bound("competitor-min", product.competitorPrice() * g.competitorMin(), true));
        if (g.competitorMax() != null) b.add(new Bound("competitor-max", product.competitorPrice() * g.competitorMax(), false));
        if (g.minPrice() != null) b.add(new Bound("min-price", g.minPrice(), true));
        if (g.maxPrice() != null) b.add(new Bound("max-price", g.maxPrice(), false));
        double lowest30 = lowestRecent(product, asOf);
        if (g.promotion()) b.add(new Bound("omnibus", lowest30 - 0.01, false));
        return new PriceBounds(product, b, lowest30);
    }

    /** The lowest price of the {@value #OMNIBUS_DAYS} days before {@code asOf}, the current price included. */
    public static double lowestRecent(ProductInput product, LocalDate asOf) {
        double lowest = product.currentPrice();
        LocalDate from = asOf.minusDays(OMNIBUS_DAYS);
        // A price set before the window but still in effect at its start counts too: it was shown inside the window.
        PricePoint inEffectAtStart = null;
        for (PricePoint p : product.history()) {
            if (p.date().isBefore(asOf) && !p.date().isBefore(from)) lowest = Math.min(lowest, p.price());
            if (p.date().isBefore(from) && (inEffectAtStart == null || p.date().isAfter(inEffectAtStart.date()))) inEffectAtStart = p;
        }
        if (inEffectAtStart != null) lowest = Math.min(lowest, inEffectAtStart.price());
        return lowest;
    }

    public ProductInput product() { return product; }

    public List<Bound> bounds() { return bounds; }

    /** The Omnibus reference price: the lowest price of the previous 30 days. */
    public double referencePrice() { return referencePrice; }

    public Bound tightestLower() {
        return bounds.stream().filter(Bound::lower).max(Comparator.comparingDouble(Bound::value))
                .orElse(new Bound("one-cent", 0.01, true)); // no lower guardrail: any positive price
    }

    /**
     * The tightest upper guardrail; with none, a search limit (not a guardrail): {@value #SEARCH_MULTIPLE} times the
     * current price or lower bound, widened to a whole currency unit (every ending recurs within one) and to the top
     * of an explicit ladder, so the limit never hides an allowed price on its own.
     */
    public Bound tightestUpper() {
        return bounds.stream().filter(x -> !x.lower()).min(Comparator.comparingDouble(Bound::value)).orElseGet(() -> {
            double lo = tightestLowerValue();
            double top = Math.max(Math.max(product.currentPrice(), lo) * SEARCH_MULTIPLE, lo + 1.0);
            for (double p : product.guardrails().ladder().points()) top = Math.max(top, p);
            return new Bound(SEARCH_RANGE, top, false);
        });
    }

    private double tightestLowerValue() {
        OptionalDouble v = bounds.stream().filter(Bound::lower).mapToDouble(Bound::value).max();
        return v.orElse(0.01);
    }

    /** Ladder prices inside every bound, ascending; throws naming the conflict when there is none. */
    public List<Double> candidates() {
        Bound lo = tightestLower();
        Bound hi = tightestUpper();
        // The same tolerance as Bound.admits (a thousandth of a cent), so candidates are exactly the admitted prices.
        long loCents = (long) Math.ceil(lo.value() * 100 - Bound.TOLERANCE * 100);
        long hiCents = (long) Math.floor(hi.value() * 100 + Bound.TOLERANCE * 100);
        if (loCents > hiCents) {
            throw new InfeasibleGuardrailsException(product.id(), List.of(lo.guardrail(), hi.guardrail()), String.format(Locale.ROOT,
                    "product %s: guardrails conflict: %s but %s", product.id(), lo.describe(), hi.describe()));
        }
        List<Double> out = product.guardrails().ladder().between(Math.max(1, loCents), hiCents);
        if (out.isEmpty() && hi.guardrail().equals(SEARCH_RANGE)) {
            throw new InfeasibleGuardrailsException(product.id(), List.of("ladder", lo.guardrail()), String.format(Locale.ROOT,
                    "product %s: guardrails conflict: no price on the %s lies at or above %.2f (%s)",
                    product.id(), product.guardrails().ladder().describe(), lo.value(), lo.guardrail()));
        }
        if (out.isEmpty()) {
            throw new InfeasibleGuardrailsException(product.id(), List.of("ladder", lo.guardrail(), hi.guardrail()), String.format(Locale.ROOT,
                    "product %s: guardrails conflict: no price on the %s lies between %.2f (%s) and %.2f (%s)",
                    product.id(), product.guardrails().ladder().describe(), lo.value(), lo.guardrail(), hi.value(), hi.guardrail()));
        }
        return out;
    }

    /** Names of the guardrails this product's {@code price} breaks (family rules aside); empty when it keeps them all. */
    public List<String> violations(double price) {
        List<String> out = new ArrayList<>();
        for (Bound b : bounds) if (!b.admits(price)) out.add(b.guardrail());
        if (!product.guardrails().ladder().allows(price)) out.add("ladder");
        return out;
    }

    /** Guardrails that hold {@code price} where it is: a bound at the chosen price with no candidate beyond it. */
    public List<String> binding(double price, List<Double> candidates) {
        List<String> out = new ArrayList<>();
        boolean lowest = candidates.isEmpty() || price <= candidates.getFirst() + 1e-9;
        boolean highest = candidates.isEmpty() || price >= candidates.getLast() - 1e-9;
        double lo = tightestLower().value();
        double hi = tightestUpper().value();
        // Binding: the chosen price is the last ladder step the tightest bound admits (ties all count).
        for (Bound b : bounds) {
            if (b.lower() && lowest && Math.abs(b.value() - lo) < 1e-9) out.add(b.guardrail());
            if (!b.lower() && highest && Math.abs(b.value() - hi) < 1e-9) out.add(b.guardrail());
        }
        return out.stream().distinct().toList();
    }
}
