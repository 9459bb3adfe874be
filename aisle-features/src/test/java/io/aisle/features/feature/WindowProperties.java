package io.aisle.features.feature;

import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.feature.EntityRef;
import io.aisle.core.feature.FeatureVector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.aisle.core.event.EventName.ADD_TO_CART;
import static io.aisle.core.event.EventName.DWELL;
import static io.aisle.core.event.EventName.IMAGE_ZOOM;
import static io.aisle.core.event.EventName.PAGE_VIEW;
import static io.aisle.core.event.EventName.PURCHASE;
import static io.aisle.core.event.EventName.REFUND;
import static io.aisle.core.event.EventName.REMOVE_FROM_CART;
import static io.aisle.core.event.EventName.SELECT_ITEM;
import static io.aisle.core.event.EventName.VIEW_ITEM;
import static io.aisle.core.event.EventName.VIEW_ITEM_LIST;
import static io.aisle.core.feature.EntityKind.ITEM;
import static io.aisle.core.feature.EntityKind.SHOPPER;
import static io.aisle.core.feature.EntityKind.SHOPPER_BRAND;
import static io.aisle.core.feature.EntityKind.SHOPPER_CATEGORY;
import static io.aisle.features.feature.FeatureDefinition.avg;
import static io.aisle.features.feature.FeatureDefinition.count;
import static io.aisle.features.feature.FeatureDefinition.daysSince;
import static io.aisle.features.feature.FeatureDefinition.distinct;
import static io.aisle.features.feature.FeatureDefinition.ratio;
import static io.aisle.features.feature.FeatureDefinition.share;
import static io.aisle.features.feature.FeatureDefinition.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every aggregation over every kind of window, fed random histories in random arrival order (so most events are
 * late), equals a brute-force recomputation over the raw events, and so does the standard catalogue.
 */
class WindowProperties {
    private static final EventName[] NAMES = {PAGE_VIEW, VIEW_ITEM_LIST, VIEW_ITEM, SELECT_ITEM, IMAGE_ZOOM, DWELL, ADD_TO_CART, REMOVE_FROM_CART, PURCHASE, REFUND};
    private static final EventName[] SIGNALS = {VIEW_ITEM, SELECT_ITEM, IMAGE_ZOOM, DWELL, ADD_TO_CART, REMOVE_FROM_CART, PURCHASE, REFUND};
    private static final String[] ITEMS = {"P1", "P2", "P3", "P3-V", "P9"};
    private static final SignalWeights WEIGHTS = SignalWeights.defaults();

    static final FeatureCatalog CATALOG = FeatureCatalog.of(List.of(
            count("views_1h", ITEM, Window.H1, VIEW_ITEM),
            count("views_3h", ITEM, new Window.Sliding(Duration.ofHours(3), Duration.ofMinutes(30)), VIEW_ITEM),
            count("views_24h", ITEM, Window.H24, VIEW_ITEM),
            count("views_7d", ITEM, Window.D7, VIEW_ITEM),
            count("views_30d", ITEM, Window.D30, VIEW_ITEM),
            count("views_lifetime", ITEM, Window.LIFETIME, VIEW_ITEM),
            count("clicks_24h", ITEM, Window.H24, SELECT_ITEM),
            ratio("ctr_24h", ITEM, "clicks_24h", "views_24h", Window.H24),
            sum("units_7d", ITEM, Measure.UNITS, Window.D7, PURCHASE),
            sum("revenue_30d", ITEM, Measure.REVENUE, Window.D30, PURCHASE, REFUND),
            avg("dwell_avg_24h", ITEM, Measure.DWELL_MS, Window.H24, DWELL, VIEW_ITEM),
            avg("dwell_avg_decayed", ITEM, Measure.DWELL_MS, Window.decayed(Duration.ofHours(6)), DWELL),
            sum("signal_decayed", ITEM, Measure.SIGNAL_WEIGHT, Window.decayed(Duration.ofDays(3)), SIGNALS),
            daysSince("days_since_purchase", ITEM, PURCHASE),
            distinct("sessions_7d", ITEM, DistinctKey.SESSION, 3, Window.D7, VIEW_ITEM, SELECT_ITEM),
            distinct("sessions_lifetime", ITEM, DistinctKey.SESSION, 2, Window.LIFETIME, NAMES),
            count("events_1h", SHOPPER, Window.H1, NAMES),
            sum("lines_24h", SHOPPER, Measure.LINES, Window.H24, NAMES),
            sum("units_lifetime", SHOPPER, Measure.UNITS, Window.LIFETIME, PURCHASE),
            distinct("items_24h", SHOPPER, DistinctKey.ITEM, 2, Window.H24, VIEW_ITEM),
            distinct("brands_30d", SHOPPER, DistinctKey.BRAND, 5, Window.D30, VIEW_ITEM, PURCHASE),
            distinct("categories_7d", SHOPPER, DistinctKey.CATEGORY, 1, Window.D7, SIGNALS),
            avg("price_index_30d", SHOPPER, Measure.PRICE_INDEX, Window.D30, VIEW_ITEM, PURCHASE),
            avg("discounted_lifetime", SHOPPER, Measure.DISCOUNTED, Window.LIFETIME, PURCHASE),
            daysSince("days_since_event", SHOPPER, NAMES),
            sum("engagement", SHOPPER, Measure.SIGNAL_WEIGHT, Window.decayed(Duration.ofDays(1)), SIGNALS),
            sum("signal", SHOPPER_CATEGORY, Measure.SIGNAL_WEIGHT, Window.decayed(Duration.ofDays(2)), SIGNALS),
            share("affinity", SHOPPER_CATEGORY, "signal", Window.decayed(Duration.ofDays(2))),
            count("views_7d", SHOPPER_CATEGORY, Window.D7, VIEW_ITEM),
            sum("signal", SHOPPER_BRAND, Measure.SIGNAL_WEIGHT, Window.LIFETIME, SIGNALS),
            share("affinity", SHOPPER_BRAND, "signal", Window.LIFETIME),
            daysSince("last", SHOPPER_BRAND, SIGNALS)));

    @Property(tries = 150)
    void sliding_lifetime_and_decayed_windows_match_a_recomputation(@ForAll long seed) {
        check(CATALOG, seed);
    }

    @Property(tries = 40)
    void the_standard_catalogue_matches_a_recomputation(@ForAll long seed) {
        check(FeatureCatalog.standard(), seed);
    }

    private static void check(FeatureCatalog catalog, long seed) {
        Random random = new Random(seed);
        // Read at an hour boundary half the time, where a window holds exactly its length.
        long at = TinyShop.T0.plus(Duration.ofDays(40)).toEpochMilli() + (random.nextBoolean() ? 0 : random.nextInt(86_400_000));
        List<ShopperEvent> history = history(random, at);
        List<ShopperEvent> arrival = new ArrayList<>(history);
        Collections.shuffle(arrival, random);

        FeaturePipeline online = new FeaturePipeline(catalog, TinyShop.ITEMS, WEIGHTS);
        for (ShopperEvent e : arrival) if (e.timestamp().toEpochMilli() < at) online.accept(e);
        BruteForce brute = new BruteForce(catalog, TinyShop.ITEMS, WEIGHTS);

        List<String> differences = new ArrayList<>();
        for (EntityRef ref : entities()) {
            FeatureVector expected = brute.vector(ref, history, at);
            differences.addAll(Vectors.differences(expected, online.getAt(ref, Instant.ofEpochMilli(at))));
        }
        assertThat(differences).as("seed %d, %d events", seed, history.size()).isEmpty();
    }

    private static List<EntityRef> entities() {
        List<EntityRef> out = new ArrayList<>();
        for (String id : List.of("P1", "P2", "P3", "P9")) out.add(EntityRef.item(id));
        for (String s : List.of("s:a", "s:b", "s:c")) {
            out.add(EntityRef.shopper(s));
            out.add(EntityRef.shopperCategory(s, TinyShop.RUNNING));
            out.add(EntityRef.shopperCategory(s, TinyShop.KITCHEN));
            out.add(EntityRef.shopperBrand(s, "Acme"));
            out.add(EntityRef.shopperBrand(s, "Zoom"));
        }
        return out;
    }

    /** Up to 120 events of three shoppers, bunched near the read time, at window edges and spread over 45 days. */
    private static List<ShopperEvent> history(Random random, long at) {
        int n = random.nextInt(121);
        List<ShopperEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long age = switch (random.nextInt(6)) {
                case 0 -> random.nextInt(7_200_000);                     // last two hours
                case 1 -> random.nextInt(2 * 86_400_000);                // last two days
                case 2 -> (long) random.nextInt(45) * 86_400_000 + random.nextInt(86_400_000);
                case 3 -> edge(random, at);                              // exactly at, or 1 ms outside, a window start
                case 4 -> -random.nextInt(3_600_000);                    // at or after the read time: must not count
                default -> random.nextInt(3) * 60_000L;                  // same minute as others
            };
            EventName name = NAMES[random.nextInt(NAMES.length)];
            List<EventItem> items = new ArrayList<>();
            if (name != PAGE_VIEW) {
                int lines = name == VIEW_ITEM_LIST || name == PURCHASE ? 1 + random.nextInt(3) : 1;
                for (int l = 0; l < lines; l++) {
                    String price = random.nextInt(5) == 0 ? null : (20 + random.nextInt(100)) + ".00";
                    items.add(TinyShop.item(ITEMS[random.nextInt(ITEMS.length)], price, 1 + random.nextInt(3)));
                }
            }
            String shopper = "abc".substring(random.nextInt(3)).substring(0, 1);
            Long dwell = name == DWELL || (name == VIEW_ITEM && random.nextBoolean()) ? (long) random.nextInt(60_000) : null;
            out.add(TinyShop.event(name, shopper, "se-" + shopper + "-" + random.nextInt(5), Instant.ofEpochMilli(at - age), dwell,
                    items.toArray(EventItem[]::new)));
        }
        return out;
    }

    private static long edge(Random random, long at) {
        long[][] windows = {{300_000, 3_600_000}, {1_800_000, 10_800_000}, {3_600_000, 86_400_000}, {3_600_000, 604_800_000}, {86_400_000, 2_592_000_000L}};
        long[] w = windows[random.nextInt(windows.length)];
        long start = Math.floorDiv(at, w[0]) * w[0] - w[1];
        return at - start + (random.nextBoolean() ? 0 : 1);
    }

}
