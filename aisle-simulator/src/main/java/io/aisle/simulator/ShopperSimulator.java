package io.aisle.simulator;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.ShopperEvent;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Deterministic shopper events over a catalogue: the same config and catalogue always give the same events, ids
 * included. Shoppers have hidden tastes (favourite categories and brands, a taste vector, price sensitivity, a visit
 * rate); sessions follow local time of day, weekdays, months and sales; what they click and buy follows their taste,
 * popularity, prices and discounts. See the module README for the full behaviour model.
 *
 * <p>Two orders: {@link #events()} merges all shoppers into global timestamp order (for replay into a log);
 * {@link #eventsByShopper()} gives each shopper's whole history in turn (cheaper, and parallel-friendly). Both hold
 * only sessions in flight, so ten million events need no more memory than ten thousand.
 *
 * <p>The simulator is immutable and can be shared; each stream or iterator it returns belongs to one thread.
 */
public final class ShopperSimulator {
    private final Simulation simulation;

    public ShopperSimulator(SimulationConfig config, CatalogView catalog) {
        ItemModel items = new ItemModel(catalog, config.seed());
        PromotionCalendar promotions = new PromotionCalendar(catalog, config.seed(), config.start(), config.end());
        this.simulation = new Simulation(config, catalog, items, promotions, new Seasonality());
    }

    public SimulationConfig config() { return simulation.config(); }

    public CatalogView catalog() { return simulation.view(); }

    /** The promotions prices followed, for checking that a model sees their uplift. */
    public PromotionCalendar promotions() { return simulation.promotions(); }

    /** Every shopper's events, merged in timestamp order; ties go to the lower shopper index. */
    public Stream<ShopperEvent> events() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    /** {@link #events()} as an iterator. */
    public Iterator<ShopperEvent> iterator() { return new TimelineMerge(simulation); }

    /** One shopper's events in timestamp order. */
    public Stream<ShopperEvent> eventsOf(int shopper) {
        checkShopper(shopper);
        ShopperTimeline timeline = new ShopperTimeline(simulation, shopper);
        SessionWriter writer = simulation.newWriter();
        Iterator<ShopperEvent> it = new Iterator<>() {
            private ShopperEvent next = timeline.next(writer);

            @Override public boolean hasNext() { return next != null; }

            @Override public ShopperEvent next() {
                if (next == null) throw new NoSuchElementException();
                ShopperEvent e = next;
                next = timeline.next(writer);
                return e;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Shopper 0's events, then shopper 1's, and so on: the same events as {@link #events()} in another order.
     * Parallel streams split by shopper.
     */
    public Stream<ShopperEvent> eventsByShopper() {
        return IntStream.range(0, simulation.config().shoppers()).boxed().flatMap(this::eventsOf);
    }

    /** The ground truth about a shopper. */
    public ShopperProfile profile(int shopper) {
        checkShopper(shopper);
        ShopperTaste taste = simulation.taste(shopper);
        CatalogView view = simulation.view();
        List<String> preferred = new ArrayList<>();
        for (int c : taste.preferred) preferred.add(view.categoryInfo(c).key());
        double total = 0;
        for (double w : taste.categoryWeight) total += w;
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int c = 0; c < taste.categoryWeight.length; c++) weights.put(view.categoryInfo(c).key(), taste.categoryWeight[c] / total);
        Map<String, Double> brands = new LinkedHashMap<>();
        for (int k = 0; k < taste.favouriteBrands.length; k++) brands.put(view.brandName(taste.favouriteBrands[k]), taste.brandAffinity[k]);
        List<Double> vector = new ArrayList<>();
        for (float v : taste.latent) vector.add((double) v);
        return new ShopperProfile(shopper, taste.known == null ? null : taste.known.shopperId(), taste.anonymous.anonymousId(),
                preferred, weights, brands, vector, taste.priceSensitivity, taste.sessionsPerWeek,
                ShopperTaste.DEVICES[taste.device], Seasonality.MARKETS.get(taste.market).locale());
    }

    public Stream<ShopperProfile> profiles() { return IntStream.range(0, simulation.config().shoppers()).mapToObj(this::profile); }

    /**
     * The hidden taste vector of a product (its parent's, for a variant), against which {@link ShopperProfile#tasteVector()}
     * is matched; empty for a product not in the catalogue.
     */
    public List<Double> tasteVector(ProductId product) {
        OptionalInt i = simulation.view().indexOf(product);
        if (i.isEmpty()) return List.of();
        int item = simulation.view().parent(i.getAsInt()) >= 0 ? simulation.view().parent(i.getAsInt()) : i.getAsInt();
        List<Double> out = new ArrayList<>();
        for (float v : simulation.items().latent(item)) out.add((double) v);
        return out;
    }

    private void checkShopper(int shopper) {
        if (shopper < 0 || shopper >= simulation.config().shoppers()) {
            throw new IndexOutOfBoundsException("shopper " + shopper + " outside 0.." + (simulation.config().shoppers() - 1));
        }
    }
}
