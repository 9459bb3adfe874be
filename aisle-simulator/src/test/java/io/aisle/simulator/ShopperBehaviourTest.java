package io.aisle.simulator;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The distributions a year of simulated shopping should show; one pass over the events feeds every check. */
class ShopperBehaviourTest {
    private static final List<Product> PRODUCTS = new CatalogGenerator(CatalogConfig.of(42, 3000)).products().toList();
    private static final CatalogView CATALOG = CatalogView.of(PRODUCTS);
    private static final SimulationConfig YEAR = SimulationConfig.of(11, 300,
            Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
    private static final ShopperSimulator SIMULATOR = new ShopperSimulator(YEAR, CATALOG);
    private static final Tally TALLY = new Tally();

    @Test
    void the_funnel_narrows_from_views_to_purchases() {
        Map<EventName, Long> n = TALLY.counts;
        assertThat(n.get(EventName.VIEW_ITEM_LIST)).isGreaterThan(n.get(EventName.ADD_TO_CART));
        assertThat(n.get(EventName.VIEW_ITEM)).isGreaterThan(5 * n.get(EventName.ADD_TO_CART));
        assertThat(n.get(EventName.ADD_TO_CART)).isGreaterThan(n.get(EventName.BEGIN_CHECKOUT));
        assertThat(n.get(EventName.BEGIN_CHECKOUT)).isGreaterThan(n.get(EventName.PURCHASE));
        assertThat(n.get(EventName.PURCHASE)).isGreaterThan(5 * n.get(EventName.REFUND)).isGreaterThan(300);
        double conversion = n.get(EventName.PURCHASE) / (double) TALLY.sessions.size();
        assertThat(conversion).isBetween(0.01, 0.12);
    }

    @Test
    void purchases_concentrate_in_each_shoppers_preferred_categories() {
        double observed = TALLY.preferredLines / (double) TALLY.purchaseLines;
        double chance = TALLY.preferredChance / TALLY.purchaseLines;
        assertThat(observed).isGreaterThan(3 * chance).isGreaterThan(0.6);
    }

    @Test
    void purchases_follow_the_hidden_taste_vectors_and_brand_loyalty() {
        assertThat(TALLY.purchasedMatch / TALLY.purchaseLines).isGreaterThan(TALLY.randomMatch / TALLY.randomPairs + 0.1);
        assertThat(TALLY.favouriteBrandLines / (double) TALLY.purchaseLines).isGreaterThan(0.3);
    }

    @Test
    void price_sensitive_shoppers_buy_cheaper_within_a_category() {
        double sensitive = TALLY.logPriceRatio[0] / TALLY.relativeLines[0];
        double relaxed = TALLY.logPriceRatio[2] / TALLY.relativeLines[2];
        assertThat(sensitive).as("mean log(price / category median)").isLessThan(relaxed - 0.15);
    }

    @Test
    void discounted_products_are_clicked_and_carted_more() {
        // Within listings that mix discounted and full-price products, the discounted ones draw more clicks.
        double discountedRate = TALLY.clicks[1] / (double) TALLY.impressions[1];
        double fullPriceRate = TALLY.clicks[0] / (double) TALLY.impressions[0];
        assertThat(discountedRate).isGreaterThan(1.3 * fullPriceRate);
        double cartedWhenDiscounted = TALLY.discountedCarts / (double) TALLY.discountedViews;
        double cartedAtListPrice = (TALLY.carts - TALLY.discountedCarts) / (double) (TALLY.views - TALLY.discountedViews);
        assertThat(cartedWhenDiscounted).isGreaterThan(1.3 * cartedAtListPrice);
    }

    @Test
    void weekends_evenings_and_black_friday_are_busier() {
        double weekend = (TALLY.sessionsByWeekday[5] + TALLY.sessionsByWeekday[6]) / 2.0;
        double weekday = (TALLY.sessionsByWeekday[0] + TALLY.sessionsByWeekday[1] + TALLY.sessionsByWeekday[2]
                + TALLY.sessionsByWeekday[3] + TALLY.sessionsByWeekday[4]) / 5.0;
        assertThat(weekend).isGreaterThan(1.1 * weekday);
        long evening = 0, night = 0;
        for (int h = 17; h <= 21; h++) evening += TALLY.sessionsByHour[h];
        for (int h = 1; h <= 5; h++) night += TALLY.sessionsByHour[h];
        assertThat(evening).isGreaterThan(3 * night);
        double blackFriday = TALLY.blackFridaySessions / 4.0;
        double earlyNovember = TALLY.earlyNovemberSessions / 14.0;
        assertThat(blackFriday).isGreaterThan(1.3 * earlyNovember);
    }

    @Test
    void the_calendar_holds_black_friday_category_sales_and_weekly_deals() {
        PromotionCalendar calendar = SIMULATOR.promotions();
        Instant blackFriday = Instant.parse("2025-11-29T15:00:00Z");
        assertThat(calendar.activeAt(blackFriday)).anySatisfy(p -> {
            assertThat(p.scope()).isInstanceOf(Promotion.SiteWide.class);
            assertThat(p.trafficBoost()).isGreaterThan(1);
        });
        assertThat(PRODUCTS.subList(0, 50)).allSatisfy(p ->
                assertThat(calendar.discount(p.id(), blackFriday)).isGreaterThanOrEqualTo(0.2));
        assertThat(calendar.promotions().stream().filter(p -> p.scope() instanceof Promotion.Categories).count()).isGreaterThan(20);
        assertThat(calendar.promotions().stream().filter(p -> p.scope() instanceof Promotion.Items).count()).isGreaterThan(50);
        assertThat(calendar.promotions()).extracting(Promotion::id).doesNotHaveDuplicates();
    }

    @Test
    void categories_have_seasons() {
        assertThat(TALLY.views("Tents", true)).isGreaterThan(2 * TALLY.views("Tents", false));
        assertThat(TALLY.views("Jackets", false)).isGreaterThan(2 * TALLY.views("Jackets", true));
        assertThat(TALLY.views("Lawn Mowers", true)).isGreaterThan(2 * TALLY.views("Lawn Mowers", false));
    }

    @Test
    void popularity_is_long_tailed() {
        long[] views = TALLY.viewsByItem.values().stream().mapToLong(Long::longValue).sorted().toArray();
        long total = 0, top = 0;
        for (int i = 0; i < views.length; i++) {
            total += views[i];
            if (i >= views.length - views.length / 10) top += views[i];
        }
        assertThat(top / (double) total).as("share of views on the top 10% of products").isGreaterThan(0.3);
    }

    /** Aggregates over one pass of the year's events. */
    private static final class Tally {
        final Map<EventName, Long> counts = new EnumMap<>(EventName.class);
        final Set<String> sessions = new HashSet<>();
        final long[] sessionsByWeekday = new long[7];
        final long[] sessionsByHour = new long[24];
        final Map<String, long[]> seasonalViews = new HashMap<>();
        final Map<ProductId, Long> viewsByItem = new HashMap<>();
        long purchaseLines, preferredLines, favouriteBrandLines, blackFridaySessions, earlyNovemberSessions;
        long views, discountedViews, carts, discountedCarts, randomPairs;
        final long[] impressions = new long[2];
        final long[] clicks = new long[2];
        final Map<String, boolean[]> lastMixedListing = new HashMap<>();
        double preferredChance, purchasedMatch, randomMatch;
        final double[] logPriceRatio = new double[3];
        final long[] relativeLines = new long[3];

        Tally() {
            Map<ProductId, BigDecimal> listPrice = PRODUCTS.stream().collect(Collectors.toMap(Product::id, p -> p.price().amount()));
            Map<String, Double> median = PRODUCTS.stream().filter(p -> p.parentId() == null).collect(Collectors.groupingBy(
                    Product::category, Collectors.collectingAndThen(Collectors.toList(), l -> l.stream()
                            .mapToDouble(p -> p.price().amount().doubleValue()).sorted().toArray()[l.size() / 2])));
            Map<String, ShopperProfile> byKey = new HashMap<>();
            List<ShopperProfile> profiles = SIMULATOR.profiles().toList();
            profiles.forEach(p -> p.actorKeys().forEach(k -> byKey.put(k, p)));
            double[] cut = profiles.stream().mapToDouble(ShopperProfile::priceSensitivity).sorted().toArray();
            double low = cut[cut.length / 3], high = cut[2 * cut.length / 3];
            Map<ProductId, List<Double>> vectors = new HashMap<>();
            int categories = CATALOG.categories().size();
            LocalDate blackFriday = LocalDate.of(2025, 11, 28);
            for (var it = SIMULATOR.iterator(); it.hasNext(); ) {
                ShopperEvent e = it.next();
                counts.merge(e.name(), 1L, Long::sum);
                ZonedDateTime at = e.timestamp().atZone(ZoneOffset.UTC);
                if (e.name() != EventName.REFUND && sessions.add(e.sessionId())) {
                    sessionsByWeekday[at.getDayOfWeek().getValue() - 1]++;
                    sessionsByHour[at.getHour()]++;
                    LocalDate day = at.toLocalDate();
                    if (!day.isBefore(blackFriday) && day.isBefore(blackFriday.plusDays(4))) blackFridaySessions++;
                    if (!day.isBefore(LocalDate.of(2025, 11, 3)) && day.isBefore(LocalDate.of(2025, 11, 17))) earlyNovemberSessions++;
                }
                switch (e.name()) {
                    case VIEW_ITEM_LIST -> {
                        boolean[] flags = new boolean[e.items().size()];
                        int offers = 0;
                        for (int k = 0; k < flags.length; k++) if (flags[k] = discounted(e.items().get(k), listPrice)) offers++;
                        if (offers > 0 && offers < flags.length) {
                            lastMixedListing.put(e.sessionId(), flags);
                            impressions[1] += offers;
                            impressions[0] += flags.length - offers;
                        } else {
                            lastMixedListing.remove(e.sessionId());
                        }
                    }
                    case SELECT_ITEM -> {
                        boolean[] flags = lastMixedListing.get(e.sessionId());
                        if (flags != null) clicks[flags[e.items().getFirst().index()] ? 1 : 0]++;
                    }
                    case VIEW_ITEM -> {
                        EventItem i = e.items().getFirst();
                        views++;
                        if (discounted(i, listPrice)) discountedViews++;
                        viewsByItem.merge(i.itemId(), 1L, Long::sum);
                        int month = at.getMonthValue();
                        String leaf = CATALOG.categoryOf(i.itemId());
                        long[] season = seasonalViews.computeIfAbsent(leaf.substring(leaf.lastIndexOf('>') + 2), k -> new long[2]);
                        if (month >= 6 && month <= 8) season[0]++;
                        if (month == 12 || month <= 2) season[1]++;
                    }
                    case ADD_TO_CART -> {
                        carts++;
                        if (discounted(e.items().getFirst(), listPrice)) discountedCarts++;
                    }
                    case PURCHASE -> {
                        ShopperProfile shopper = byKey.get(e.actor().key());
                        List<Double> taste = shopper.tasteVector();
                        for (EventItem i : e.items()) {
                            purchaseLines++;
                            String category = CATALOG.categoryOf(i.itemId());
                            if (shopper.preferredCategories().contains(category)) preferredLines++;
                            preferredChance += shopper.preferredCategories().size() / (double) categories;
                            if (shopper.brandAffinities().containsKey(CATALOG.brandOf(i.itemId()))) favouriteBrandLines++;
                            purchasedMatch += dot(taste, vectors.computeIfAbsent(i.itemId(), SIMULATOR::tasteVector));
                            for (int r = 0; r < 5; r++) {
                                Product random = PRODUCTS.get((int) ((purchaseLines * 7919 + r * 104_729) % PRODUCTS.size()));
                                randomMatch += dot(taste, vectors.computeIfAbsent(random.id(), SIMULATOR::tasteVector));
                                randomPairs++;
                            }
                            int band = shopper.priceSensitivity() >= high ? 0 : shopper.priceSensitivity() <= low ? 2 : 1;
                            String leaf = category.substring(category.lastIndexOf('>') + 2);
                            logPriceRatio[band] += Math.log(i.price().doubleValue() / median.get(leaf));
                            relativeLines[band]++;
                        }
                    }
                    default -> { }
                }
            }
        }

        long views(String leaf, boolean summer) { return seasonalViews.get(leaf)[summer ? 0 : 1]; }

        private static boolean discounted(EventItem item, Map<ProductId, BigDecimal> listPrice) {
            return item.price().compareTo(listPrice.get(item.itemId())) < 0;
        }

        private static double dot(List<Double> a, List<Double> b) {
            double sum = 0;
            for (int d = 0; d < a.size(); d++) sum += a.get(d) * b.get(d);
            return sum;
        }
    }
}
