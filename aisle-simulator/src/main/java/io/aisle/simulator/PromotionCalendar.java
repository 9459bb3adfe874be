package io.aisle.simulator;

import io.aisle.core.catalog.ProductId;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * The promotions of a simulation, drawn from its seed: a rolling category sale every week or two, Black Friday
 * (site-wide, with a traffic surge) and a summer clothing sale each year, and a handful of flash deals on single
 * products every week. Prices shown to shoppers, and so event prices, carry these discounts.
 */
public final class PromotionCalendar {
    private static final long DAY = 86_400_000L;
    private static final long PROMO_STREAM = 0x50524F4DL;

    private final CatalogView view;
    private final List<Promotion> promotions;
    // Sales over whole categories or the whole site, as parallel arrays for the per-session lookup.
    private final long[] saleStart;
    private final long[] saleEnd;
    private final double[] saleDiscount;
    private final double[] saleBoost;
    private final boolean[][] saleCovers;
    private final double peakBoost;
    // Single-product deals, indexed by day so a lookup scans only that day's deals.
    private final int[] dealItem;
    private final long[] dealStart;
    private final long[] dealEnd;
    private final double[] dealDiscount;
    private final int[][] dealsByDay;
    private final long firstDay;

    PromotionCalendar(CatalogView view, long seed, Instant start, Instant end) {
        this.view = view;
        Rng rng = new Rng(Rng.derive(seed, PROMO_STREAM));
        long from = start.toEpochMilli(), to = end.toEpochMilli();
        List<Sale> sales = new ArrayList<>();
        int categories = view.categoryCount();
        // Sales start at midnight UTC, as a merchant's scheduled promotions do.
        for (long t = (Math.floorDiv(from, DAY) + rng.nextInt(7)) * DAY; t < to; t += rng.between(6, 14) * DAY) {
            int c = rng.nextInt(categories);
            boolean[] covers = new boolean[categories];
            covers[c] = true;
            String key = view.categoryInfo(c).key();
            String leaf = key.contains(" > ") ? key.substring(key.lastIndexOf(" > ") + 3) : key;
            sales.add(new Sale(leaf + " sale", t, t + rng.between(3, 7) * DAY, (10 + 5 * rng.nextInt(5)) / 100.0, 1.0, covers,
                    new Promotion.Categories(List.of(key))));
        }
        int firstYear = start.atZone(ZoneOffset.UTC).getYear(), lastYear = end.atZone(ZoneOffset.UTC).getYear();
        for (int year = firstYear; year <= lastYear; year++) {
            LocalDate friday = LocalDate.of(year, 11, 30).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
            long bf = friday.toEpochDay() * DAY;
            boolean[] all = new boolean[categories];
            Arrays.fill(all, true);
            sales.add(new Sale("Black Friday " + year, bf, bf + 4 * DAY, 0.20, 1.8, all, new Promotion.SiteWide()));
            boolean[] clothing = new boolean[categories];
            List<String> keys = new ArrayList<>();
            for (int c = 0; c < categories; c++) {
                String key = view.categoryInfo(c).key();
                if (key.startsWith("Apparel") || key.startsWith("Shoes")) {
                    clothing[c] = true;
                    keys.add(key);
                }
            }
            long july = LocalDate.of(year, 7, 1).toEpochDay() * DAY;
            if (!keys.isEmpty()) {
                sales.add(new Sale("Summer Sale " + year, july, july + 14 * DAY, 0.25, 1.15, clothing, new Promotion.Categories(keys)));
            }
        }
        sales.removeIf(s -> s.end() <= from || s.start() >= to);
        saleStart = sales.stream().mapToLong(Sale::start).toArray();
        saleEnd = sales.stream().mapToLong(Sale::end).toArray();
        saleDiscount = sales.stream().mapToDouble(Sale::discount).toArray();
        saleBoost = sales.stream().mapToDouble(Sale::boost).toArray();
        saleCovers = sales.stream().map(Sale::covers).toArray(boolean[][]::new);
        peakBoost = Arrays.stream(saleBoost).max().orElse(1.0);

        int[] listables = new int[view.size()];
        int count = 0;
        for (int i = 0; i < view.size(); i++) if (view.parent(i) < 0) listables[count++] = i;
        int perWeek = Math.max(1, Math.min(150, count / 300));
        firstDay = Math.floorDiv(from, DAY);
        int days = (int) (Math.floorDiv(to - 1, DAY) - firstDay + 1);
        List<long[]> deals = new ArrayList<>();
        for (long week = firstDay * DAY; week < to; week += 7 * DAY) {
            for (int k = 0; k < perWeek; k++) {
                long s = week + rng.nextInt(7) * DAY;
                deals.add(new long[] {listables[rng.nextInt(count)], s, s + rng.between(1, 3) * DAY, 15 + 5 * rng.nextInt(6)});
            }
        }
        deals.removeIf(d -> d[2] <= from || d[1] >= to);
        dealItem = deals.stream().mapToInt(d -> (int) d[0]).toArray();
        dealStart = deals.stream().mapToLong(d -> d[1]).toArray();
        dealEnd = deals.stream().mapToLong(d -> d[2]).toArray();
        dealDiscount = deals.stream().mapToDouble(d -> d[3] / 100.0).toArray();
        List<List<Integer>> byDay = new ArrayList<>();
        for (int d = 0; d < days; d++) byDay.add(new ArrayList<>());
        for (int k = 0; k < dealItem.length; k++) {
            for (long day = Math.max(firstDay, dealStart[k] / DAY); day <= (dealEnd[k] - 1) / DAY && day - firstDay < days; day++) {
                byDay.get((int) (day - firstDay)).add(k);
            }
        }
        // Each day's deals sorted by product, so a price lookup is a binary search rather than a scan.
        dealsByDay = byDay.stream().map(l -> l.stream().sorted(Comparator.comparingInt((Integer k) -> dealItem[k]).thenComparing(k -> k))
                .mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);

        List<Promotion> all = new ArrayList<>();
        for (Sale s : sales) {
            all.add(new Promotion("", s.name(), Instant.ofEpochMilli(s.start()), Instant.ofEpochMilli(s.end()), s.discount(),
                    s.scope(), s.boost()));
        }
        for (int k = 0; k < dealItem.length; k++) {
            all.add(new Promotion("", "Flash deal", Instant.ofEpochMilli(dealStart[k]), Instant.ofEpochMilli(dealEnd[k]),
                    dealDiscount[k], new Promotion.Items(List.of(view.id(dealItem[k]))), 1.0));
        }
        all.sort(Comparator.comparing(Promotion::start).thenComparing(Promotion::name));
        List<Promotion> numbered = new ArrayList<>(all.size());
        for (int k = 0; k < all.size(); k++) {
            Promotion p = all.get(k);
            numbered.add(new Promotion(String.format("promo-%05d", k + 1), p.name(), p.start(), p.end(), p.discount(),
                    p.scope(), p.trafficBoost()));
        }
        promotions = List.copyOf(numbered);
    }

    /** Every promotion, by start time. */
    public List<Promotion> promotions() { return promotions; }

    public List<Promotion> activeAt(Instant at) { return promotions.stream().filter(p -> p.activeAt(at)).toList(); }

    /** The discount a shopper sees on a product at an instant: the best of the promotions covering it, or 0. */
    public double discount(ProductId id, Instant at) {
        OptionalInt i = view.indexOf(id);
        if (i.isEmpty()) return 0;
        double[] byCategory = categoryDiscounts(at.toEpochMilli(), new double[view.categoryCount()]);
        return discount(i.getAsInt(), at.toEpochMilli(), byCategory);
    }

    /** Fills {@code into} with the sale discount of each category at {@code t} and returns it. */
    double[] categoryDiscounts(long t, double[] into) {
        Arrays.fill(into, 0);
        for (int s = 0; s < saleStart.length; s++) {
            if (t < saleStart[s] || t >= saleEnd[s]) continue;
            for (int c = 0; c < into.length; c++) if (saleCovers[s][c]) into[c] = Math.max(into[c], saleDiscount[s]);
        }
        return into;
    }

    /** The discount on a product at {@code t}, given the category discounts at that time. */
    double discount(int item, long t, double[] categoryDiscounts) {
        int listing = view.parent(item) >= 0 ? view.parent(item) : item;
        double best = categoryDiscounts[view.category(item)];
        int day = (int) (Math.floorDiv(t, DAY) - firstDay);
        if (day < 0 || day >= dealsByDay.length) return best;
        int[] today = dealsByDay[day];
        int lo = 0, hi = today.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dealItem[today[mid]] < listing) lo = mid + 1;
            else hi = mid;
        }
        for (int at = lo; at < today.length && dealItem[today[at]] == listing; at++) {
            int k = today[at];
            if (t >= dealStart[k] && t < dealEnd[k]) best = Math.max(best, dealDiscount[k]);
        }
        return best;
    }

    /** Writes the listable products of a category on a flash deal at {@code t} into {@code out}; returns how many. */
    int dealsIn(int category, long t, int[] out) {
        int day = (int) (Math.floorDiv(t, DAY) - firstDay);
        if (day < 0 || day >= dealsByDay.length) return 0;
        int n = 0;
        for (int k : dealsByDay[day]) {
            if (n < out.length && view.category(dealItem[k]) == category && t >= dealStart[k] && t < dealEnd[k]) {
                out[n++] = dealItem[k];
            }
        }
        return n;
    }

    /** How much busier the shop is at {@code t} because of advertised sales (1 when none run). */
    double trafficBoost(long t) {
        double boost = 1;
        for (int s = 0; s < saleStart.length; s++) if (t >= saleStart[s] && t < saleEnd[s]) boost = Math.max(boost, saleBoost[s]);
        return boost;
    }

    double peakBoost() { return peakBoost; }

    private record Sale(String name, long start, long end, double discount, double boost, boolean[] covers,
                        Promotion.Scope scope) {}
}
