package io.aisle.pricing.guard;

import io.aisle.core.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The prices a shop may show: explicit points, or any cent amount whose two-decimal form ends with one of the
 * endings (".99", "9"), or else every cent.
 */
public record PriceLadder(List<String> endings, List<Double> points) {
    /** Every cent is allowed. */
    public static final PriceLadder ANY_CENT = new PriceLadder(List.of(), List.of());

    /** The widest candidate list kept; wider ranges are thinned evenly (ends kept) to bound the optimiser's work. */
    static final int MAX_CANDIDATES = 4000;

    public PriceLadder {
        endings = endings == null ? List.of() : List.copyOf(endings);
        points = points == null ? List.of() : List.copyOf(points);
        for (String e : endings) {
            if (e == null || !e.matches("\\.?\\d{1,2}") || (e.startsWith(".") && e.length() != 3))
                throw new ValidationException("guardrails.ladder.endings", "'" + e + "' must be like .99, .49 or 9");
        }
        for (Double p : points) {
            if (p == null || !(p > 0) || !Double.isFinite(p))
                throw new ValidationException("guardrails.ladder.points", "must all be > 0");
        }
    }

    /** Prices ending in any of {@code endings}. */
    public static PriceLadder endingIn(String... endings) { return new PriceLadder(List.of(endings), List.of()); }

    public boolean allows(double price) {
        long cents = Math.round(price * 100);
        if (Math.abs(cents - price * 100) > 1e-6) return false;
        if (!points.isEmpty()) return points.stream().anyMatch(p -> Math.round(p * 100) == cents);
        if (endings.isEmpty()) return true;
        String text = String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
        return endings.stream().anyMatch(text::endsWith);
    }

    /** Allowed prices in {@code [loCents, hiCents]}, ascending. */
    public List<Double> between(long loCents, long hiCents) {
        List<Double> out = new ArrayList<>();
        if (loCents > hiCents) return out;
        if (!points.isEmpty()) {
            points.stream().mapToLong(p -> Math.round(p * 100)).filter(c -> c >= loCents && c <= hiCents)
                    .distinct().sorted().forEach(c -> out.add(c / 100.0));
            return thin(out);
        }
        // A step walk keeps wide ranges cheap: any ending repeats at most every 100 cents, every cent has step 1.
        for (long c = loCents; c <= hiCents; c++) {
            if (allows(c / 100.0)) out.add(c / 100.0);
            if (out.size() > MAX_CANDIDATES * 50) break;
        }
        return thin(out);
    }

    private static List<Double> thin(List<Double> prices) {
        if (prices.size() <= MAX_CANDIDATES) return prices;
        List<Double> out = new ArrayList<>(MAX_CANDIDATES);
        double step = (prices.size() - 1) / (double) (MAX_CANDIDATES - 1);
        for (int i = 0; i < MAX_CANDIDATES; i++) out.add(prices.get((int) Math.round(i * step)));
        return out;
    }

    public String describe() {
        if (!points.isEmpty()) return "ladder points " + points;
        if (!endings.isEmpty()) return "ladder endings " + endings;
        return "cent grid";
    }
}
