package io.aisle.simulator;

import io.aisle.core.event.Actor;
import io.aisle.core.event.EventContext;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Plays one session of one shopper and writes its events. A session lands somewhere (home, a search, a product from
 * an ad, the deals page), may bounce, then runs a few rounds of listing, clicking and reading product pages, and ends
 * with the cart: abandoned, trimmed, checked out, paid, and now and then refunded days later.
 *
 * <p>What a shopper clicks and buys follows their utility for a product: taste match, brand affinity, price against
 * the category median weighed by their price sensitivity, and the pull of a discount. Not thread-safe: one writer per
 * thread.
 */
final class SessionWriter {
    private static final int LISTING = 12;
    private static final long SECOND = 1000, MINUTE = 60 * SECOND, DAY = 24 * 60 * MINUTE;
    private static final String[] AD_REFERRERS = {"https://www.google.com/", "https://www.instagram.com/",
            "https://ads.example-network.com/", "https://www.pricehunter.example/"};
    private static final String[] OPEN_REFERRERS = {null, null, null, "https://www.google.com/", "https://www.google.com/",
            "https://www.bing.com/", "https://newsletter.aisle.example/"};

    /** Where a session starts: the home page to browse or to search, a product from outside, or the deals page. */
    private enum Entry { BROWSE, SEARCH, PRODUCT, DEALS }

    private final CatalogView view;
    private final ItemModel items;
    private final PromotionCalendar promotions;
    private final QueryWriter queries;
    private final long end;
    private final String currency;
    private final int digits;
    private final String runTag;
    private final double[] categoryDiscount;
    private final double[] choice;
    private final int[] listing = new int[LISTING];
    private final double[] utility = new double[LISTING];
    private final int[] deals = new int[4];
    private final List<CartLine> cart = new ArrayList<>();

    // The session being written.
    private ShopperTaste shopper;
    private Rng rng;
    private Actor actor;
    private String sessionId, idPrefix, device, locale, referrer;
    private List<ShopperEvent> out;
    private long start, now;
    private int seq;
    private boolean over;
    private double weightTotal;
    private int filterBrand, filterUse;
    private EventContext listingPage;
    private long filterMaxPrice;

    SessionWriter(CatalogView view, ItemModel items, PromotionCalendar promotions, SimulationConfig config) {
        this.view = view;
        this.items = items;
        this.promotions = promotions;
        this.queries = new QueryWriter(view);
        this.end = config.end().toEpochMilli();
        this.currency = view.currency();
        this.digits = view.digits();
        this.runTag = config.runTag();
        this.categoryDiscount = new double[view.categoryCount()];
        this.choice = new double[view.categoryCount()];
    }

    /** Writes session {@code number} of {@code shopper}, starting at {@code at}; refunds it causes go to {@code later}. */
    void write(ShopperTaste shopper, int number, long at, Rng rng, List<ShopperEvent> out, List<ShopperEvent> later) {
        begin(shopper, number, at, rng, out);
        boolean onSale = promotions.trafficBoost(at) > 1;
        for (double d : categoryDiscount) onSale |= d > 0;
        double u = rng.nextDouble();
        Entry entry = onSale && u < 0.15 ? Entry.DEALS : u < 0.40 ? Entry.SEARCH : u < 0.58 ? Entry.PRODUCT : Entry.BROWSE;
        referrer = entry == Entry.PRODUCT ? AD_REFERRERS[rng.nextInt(AD_REFERRERS.length)]
                : entry == Entry.DEALS ? "https://newsletter.aisle.example/" : OPEN_REFERRERS[rng.nextInt(OPEN_REFERRERS.length)];
        int category = chooseCategory();
        if (category < 0) return;
        if (entry == Entry.PRODUCT) {
            int item = adFor(category);
            if (rng.chance(0.35)) {
                bounce(item);
                return;
            }
            viewProduct(item);
        } else {
            boolean bounce = rng.chance(0.2);
            long dwell = bounce ? rng.between(1000, 9000) : (long) rng.logNormal(9000, 0.6);
            EventContext page = page(entry == Entry.DEALS ? "/store/deals" : "/store");
            emit(EventName.PAGE_VIEW, now, null, null, null, null, page, dwell, bounce ? rng.nextInt(20) : 20 + rng.nextInt(81), null);
            now += dwell;
            if (bounce) return;
        }
        int rounds = 1 + rng.geometric(0.45, 4);
        for (int round = 0; round < rounds && !over; round++) {
            if (round > 0 && !rng.chance(0.65)) category = chooseCategory();
            boolean search = (entry == Entry.SEARCH && round == 0) || (round > 0 && rng.chance(0.35));
            int size = entry == Entry.DEALS && round == 0 ? dealsListing(category)
                    : search ? searchListing(category) : browseListing(category);
            if (size == 0) continue;
            if (!examine(size) && rng.chance(0.5)) break;
        }
        checkout(later);
    }

    private void begin(ShopperTaste shopper, int number, long at, Rng rng, List<ShopperEvent> out) {
        this.shopper = shopper;
        this.rng = rng;
        this.out = out;
        this.start = at;
        this.now = at - 1;
        this.seq = 0;
        this.over = false;
        this.actor = shopper.known != null && rng.chance(0.85) ? shopper.known : shopper.anonymous;
        this.sessionId = "se-" + runTag + "-" + shopper.index + "-" + number;
        this.idPrefix = "ev-" + runTag + "-" + shopper.index + "-" + number + "-";
        this.device = ShopperTaste.DEVICES[rng.chance(0.8) ? shopper.device : rng.nextInt(ShopperTaste.DEVICES.length)];
        this.locale = Seasonality.MARKETS.get(shopper.market).locale();
        this.cart.clear();
        promotions.categoryDiscounts(at, categoryDiscount);
        weightTotal = 0;
        for (double w : shopper.categoryWeight) weightTotal += w;
    }

    /** A category by taste, season (tents in July) and sales (a category on sale draws more visits). */
    private int chooseCategory() {
        int month = Seasonality.month(Math.floorDiv(start, DAY)) - 1;
        double total = 0;
        for (int c = 0; c < choice.length; c++) {
            total += shopper.categoryWeight[c] * view.categoryInfo(c).months()[month] * (1 + 3 * categoryDiscount[c]);
            choice[c] = total;
        }
        return total <= 0 ? -1 : rng.pickCumulative(choice);
    }

    /** How strongly a visit to the category means buying: high in a favourite category, low in a passing one. */
    private double intent(int category) {
        double share = shopper.categoryWeight[category] * choice.length / weightTotal;
        return Math.clamp(0.6 * StrictMath.log(Math.max(share, 1e-9)), -1.0, 0.8);
    }

    private double utility(int item) {
        long shown = shownPrice(item);
        double median = view.categoryInfo(view.category(item)).medianPrice();
        double discount = 1 - (double) shown / view.price(item);
        return 1.6 * items.match(shopper.latent, item) + shopper.affinity(view.brand(item))
                - 0.9 * shopper.priceSensitivity * StrictMath.log(shown / median)
                + 2.0 * shopper.priceSensitivity * discount;
    }

    private long shownPrice(int item) {
        return Prices.discounted(view.price(item), promotions.discount(item, start, categoryDiscount));
    }

    private int adFor(int category) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 6; k++) {
            int item = items.sample(category, rng);
            double score = utility(item) + gumbel();
            if (score > bestScore) {
                bestScore = score;
                best = item;
            }
        }
        return best;
    }

    private int browseListing(int category) {
        CategoryInfo info = view.categoryInfo(category);
        EventContext page = page("/store/c/" + info.slug());
        long dwell = (long) rng.logNormal(12_000, 0.7);
        emit(EventName.PAGE_VIEW, now, null, null, null, null, page, dwell, rng.nextInt(101), null);
        now += rng.between(300, 1500);
        clearFilters();
        int size = fill(category);
        showList(size, page);
        if (size > 0 && rng.chance(0.2)) {
            Map<String, List<String>> filters;
            int liked = shopper.favouriteBrands.length > 0 ? Arrays.binarySearch(info.brands(), shopper.favouriteBrands[0]) : -1;
            if (liked >= 0 || rng.chance(0.5)) {
                filterBrand = liked >= 0 ? liked : rng.nextInt(info.brands().length);
                filters = Map.of("brand", List.of(view.brandName(info.brands()[filterBrand])));
            } else {
                long unit = 1;
                for (int d = 0; d < digits; d++) unit *= 10;
                long cap = Math.max(1, Math.round(info.medianPrice() * (1.5 - 0.25 * shopper.priceSensitivity) / unit / 10.0)) * 10;
                filterMaxPrice = cap * unit;
                filters = Map.of("price", List.of("0-" + cap));
            }
            now += rng.between(2000, 15_000);
            emit(EventName.FILTER_APPLIED, now, null, null, filters, null, page, null, null, null);
            now += rng.between(300, 1500);
            size = fill(category);
            showList(size, page);
        }
        return size;
    }

    private int searchListing(int category) {
        QueryWriter.Query query = queries.write(category, shopper, rng);
        EventContext page = page("/store/search?q=" + URLEncoder.encode(query.text(), StandardCharsets.UTF_8));
        now += rng.between(2000, 10_000);
        emit(EventName.SEARCH, now, null, query.text(), null, null, page, null, null, null);
        now += rng.between(300, 1200);
        clearFilters();
        filterBrand = query.brandPosition();
        filterUse = query.useBit();
        filterMaxPrice = query.maxPriceMinor();
        int size = fill(category);
        showList(size, page);
        return size;
    }

    private int dealsListing(int category) {
        clearFilters();
        int size = fill(category);
        showList(size, page("/store/deals"));
        return size;
    }

    private void clearFilters() {
        filterBrand = -1;
        filterUse = -1;
        filterMaxPrice = -1;
    }

    /** Fills the listing: flash deals first when the shop features them, then products drawn by popularity. */
    private int fill(int category) {
        CategoryInfo info = view.categoryInfo(category);
        if (info.items().length == 0) return 0;
        int n = 0;
        if (rng.chance(0.6)) {
            int found = promotions.dealsIn(category, start, deals);
            for (int k = 0; k < found && n < 2; k++) if (passes(deals[k])) listing[n++] = deals[k];
        }
        for (int tries = 0; n < LISTING && tries < LISTING * 3; tries++) {
            int item = filterBrand >= 0 ? items.sampleBrand(category, filterBrand, rng) : items.sample(category, rng);
            if (!passes(item)) continue;
            boolean seen = false;
            for (int k = 0; k < n && !seen; k++) seen = listing[k] == item;
            if (!seen) listing[n++] = item;
        }
        return n;
    }

    private boolean passes(int item) {
        if (filterBrand >= 0 && view.brand(item) != view.categoryInfo(view.category(item)).brands()[filterBrand]) return false;
        if (filterUse >= 0 && (view.uses(item) & (1L << filterUse)) == 0) return false;
        return filterMaxPrice < 0 || shownPrice(item) <= filterMaxPrice;
    }

    private void showList(int size, EventContext page) {
        if (size == 0) return;
        listingPage = page;
        List<EventItem> shown = new ArrayList<>(size);
        for (int k = 0; k < size; k++) shown.add(item(listing[k], 1, k));
        emit(EventName.VIEW_ITEM_LIST, now, shown, null, null, null, page, null, null, null);
    }

    /** The shopper scans the listing and opens the products that appeal, best first; false when nothing appealed. */
    private boolean examine(int size) {
        for (int k = 0; k < size; k++) utility[k] = utility(listing[k]);
        now += rng.between(2000, 15_000);
        if (rng.chance(0.22)) return false;
        int clicks = Math.min(size, 1 + rng.geometric(0.55, 3));
        for (int c = 0; c < clicks && !over; c++) {
            int pick = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < size; k++) {
                if (utility[k] == Double.NEGATIVE_INFINITY) continue;
                double score = utility[k] - 0.12 * k + gumbel(); // position bias: the top of a list gets the clicks
                if (score > best) {
                    best = score;
                    pick = k;
                }
            }
            utility[pick] = Double.NEGATIVE_INFINITY;
            emit(EventName.SELECT_ITEM, now, List.of(item(listing[pick], 1, pick)), null, null, null, listingPage, null, null, null);
            now += rng.between(300, 1200);
            viewProduct(listing[pick]);
        }
        return true;
    }

    /** A product page: view, scroll milestones, zoom, maybe add to cart, then the dwell when the shopper leaves. */
    private void viewProduct(int item) {
        double u = utility(item);
        double interest = 1 / (1 + StrictMath.exp(-(u - 0.2)));
        long dwell = (long) Math.clamp(rng.logNormal(5000 + 60_000 * interest, 0.55), 800, 900_000);
        int scroll = Math.clamp((long) (10 + 90 * interest * rng.uniform(0.6, 1.3)), 0, 100);
        EventContext page = page("/store/products/" + view.id(item).value());
        long t0 = now;
        List<EventItem> one = List.of(item(item, 1, null));
        emit(EventName.VIEW_ITEM, t0, one, null, null, null, page, dwell, scroll, null);
        if (scroll >= 25 && rng.chance(0.85)) emit(EventName.SCROLL, t0 + dwell * 15 / 100, null, null, null, null, page, null, 25, null);
        if (rng.chance(0.08 + 0.45 * interest)) {
            double zoom = Math.round(rng.uniform(1.5, 4.0) * 10) / 10.0;
            emit(EventName.IMAGE_ZOOM, t0 + dwell * 30 / 100, one, null, null, null, page, null, null, zoom);
        }
        if (scroll >= 50 && rng.chance(0.8)) emit(EventName.SCROLL, t0 + dwell * 45 / 100, null, null, null, null, page, null, 50, null);
        if (scroll >= 75 && rng.chance(0.75)) emit(EventName.SCROLL, t0 + dwell * 65 / 100, null, null, null, null, page, null, 75, null);
        if (scroll >= 90 && rng.chance(0.7)) emit(EventName.SCROLL, t0 + dwell * 80 / 100, null, null, null, null, page, null, 90, null);
        double p = 1 / (1 + StrictMath.exp(-(-5.0 + 1.2 * u + intent(view.category(item)))));
        if (view.inStock(item) && rng.chance(p)) addToCart(item, t0 + dwell * 90 / 100, page);
        emit(EventName.DWELL, t0 + dwell, one, null, null, null, page, dwell, null, null);
        now += rng.between(1000, 4000);
    }

    private void bounce(int item) {
        EventContext page = page("/store/products/" + view.id(item).value());
        long dwell = rng.between(1000, 8000);
        List<EventItem> one = List.of(item(item, 1, null));
        emit(EventName.VIEW_ITEM, now, one, null, null, null, page, dwell, rng.nextInt(16), null);
        emit(EventName.DWELL, now + dwell, one, null, null, null, page, dwell, null, null);
    }

    private void addToCart(int item, long at, EventContext page) {
        int sku = item;
        int[] variants = view.children(item);
        if (variants != null) {
            int inStock = 0;
            for (int v : variants) if (view.inStock(v)) inStock++;
            int pick = rng.nextInt(inStock);
            for (int v : variants) if (view.inStock(v) && pick-- == 0) sku = v;
        }
        int maxQuantity = view.categoryInfo(view.category(item)).maxQuantity();
        int quantity = maxQuantity > 1 && rng.chance(0.3) ? rng.between(2, maxQuantity) : 1;
        emit(EventName.ADD_TO_CART, at, List.of(item(sku, quantity, null)), null, null, null, page, null, null, null);
        if (!over) cart.add(new CartLine(sku, quantity, shownPrice(sku)));
    }

    private void checkout(List<ShopperEvent> later) {
        if (cart.isEmpty() || over) return;
        if ((cart.size() > 1 && rng.chance(0.2)) || rng.chance(0.05)) {
            CartLine dropped = cart.remove(rng.nextInt(cart.size()));
            emit(EventName.REMOVE_FROM_CART, now, List.of(dropped.item(this)), null, null, null, page("/store/cart"), null, null, null);
            now += rng.between(2000, 20_000);
        }
        if (cart.isEmpty() || !rng.chance(0.6)) return; // the abandoned cart
        EventContext cartPage = page("/store/cart");
        long dwell = rng.between(5000, 40_000);
        emit(EventName.PAGE_VIEW, now, null, null, null, null, cartPage, dwell, rng.nextInt(101), null);
        now += dwell;
        List<EventItem> lines = new ArrayList<>(cart.size());
        long total = 0;
        for (CartLine line : cart) {
            lines.add(line.item(this));
            total += line.price() * line.quantity();
        }
        BigDecimal value = BigDecimal.valueOf(total, digits);
        emit(EventName.BEGIN_CHECKOUT, now, lines, null, null, value, page("/store/checkout"), null, null, null);
        now += rng.between(60_000, 300_000);
        if (over || !rng.chance(Math.clamp(0.85 - 0.1 * (shopper.priceSensitivity - 1), 0.5, 0.95))) return;
        emit(EventName.PURCHASE, now, lines, null, null, value, page("/store/checkout/complete"), null, null, null);
        if (over) return;
        for (int k = 0; k < cart.size(); k++) {
            CartLine line = cart.get(k);
            if (!rng.chance(view.categoryInfo(view.category(line.sku())).refundRate())) continue;
            long at = now + rng.between(2, 21) * DAY + rng.nextInt((int) DAY);
            if (at >= end) continue;
            later.add(new ShopperEvent(EventId.of(idPrefix + "refund-" + k), EventName.REFUND, actor, sessionId + "-refund-" + k,
                    Instant.ofEpochMilli(at), List.of(line.item(this)), null, null,
                    BigDecimal.valueOf(line.price() * line.quantity(), digits), currency,
                    new EventContext(null, null, locale, "/account/orders", null), null, null, null));
        }
    }

    private EventContext page(String url) {
        EventContext context = new EventContext(device, referrer, locale, url, null);
        referrer = null; // only the landing page carries the outside referrer
        return context;
    }

    private EventItem item(int item, int quantity, Integer position) {
        return new EventItem(view.id(item), BigDecimal.valueOf(shownPrice(item), digits), quantity, position);
    }

    /** Gumbel noise: adding it to utilities and taking the best is a draw from their softmax. */
    private double gumbel() { return -StrictMath.log(-StrictMath.log(1e-9 + rng.nextDouble() * (1 - 2e-9))); }

    /** Appends an event at {@code at}, or a millisecond after the previous one, unless that is past the range's end. */
    private void emit(EventName name, long at, List<EventItem> eventItems, String query, Map<String, List<String>> filters,
                      BigDecimal value, EventContext context, Long dwell, Integer scroll, Double zoom) {
        if (over) return;
        now = Math.max(now + 1, at);
        if (now >= end) {
            over = true;
            return;
        }
        out.add(new ShopperEvent(EventId.of(idPrefix + seq++), name, actor, sessionId, Instant.ofEpochMilli(now), eventItems,
                query, filters, value, value == null ? null : currency, context, dwell, scroll, zoom));
    }

    private record CartLine(int sku, int quantity, long price) {
        EventItem item(SessionWriter writer) {
            return new EventItem(writer.view.id(sku), BigDecimal.valueOf(price, writer.digits), quantity, null);
        }
    }
}
