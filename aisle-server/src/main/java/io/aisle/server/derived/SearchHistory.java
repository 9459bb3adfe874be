package io.aisle.server.derived;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.replay.Projection;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Past searches as the log tells them: each {@code search} event, and the first product a shopper then selected,
 * carted or bought within a short window. Search learns suggestions and category intent from it. Only the last
 * search per actor is kept by actor (for attribution, and forgotten on erasure); what search learns is an
 * aggregate over everyone.
 */
public final class SearchHistory implements Projection {
    /** A click this long after a search no longer counts as a result of it. */
    static final Duration ATTRIBUTION = Duration.ofMinutes(30);

    /** What search learns from the history; implemented by the search engine's wiring. */
    public interface Learner {
        /** A search was made; {@code shown} is how many results the storefront showed (0 when unknown or none). */
        void searched(String query, int shown);

        /** A product in {@code categoryPath} was chosen after searching {@code query}. */
        void chosen(String query, List<String> categoryPath);

        /** Everything learned is about to be replayed from the start. */
        void reset();
    }

    private record Pending(String query, Instant at) {}

    private final Function<ProductId, Optional<Product>> catalog;
    private final Learner learner;
    private final Map<String, Pending> lastSearch = new HashMap<>();

    public SearchHistory(Function<ProductId, Optional<Product>> catalog, Learner learner) {
        this.catalog = catalog;
        this.learner = learner;
    }

    @Override public String name() { return "search-history"; }

    @Override public void apply(LoggedEvent logged) {
        ShopperEvent e = logged.event();
        String key = e.actor().key();
        switch (e.name()) {
            case SEARCH -> {
                if (e.query() == null || e.query().isBlank()) return;
                String query = e.query().strip().toLowerCase(Locale.ROOT);
                learner.searched(query, e.items().size());
                lastSearch.put(key, new Pending(query, e.timestamp()));
            }
            case SELECT_ITEM, ADD_TO_CART, PURCHASE -> {
                Pending p = lastSearch.get(key);
                if (p == null || e.items().isEmpty()) return;
                if (Duration.between(p.at(), e.timestamp()).compareTo(ATTRIBUTION) > 0) {
                    lastSearch.remove(key);
                    return;
                }
                lastSearch.remove(key); // one choice per search: repeated clicks must not outweigh other queries
                EventItem first = e.items().get(0);
                catalog.apply(first.itemId()).filter(pr -> !pr.categoryPath().isEmpty())
                        .ifPresent(pr -> learner.chosen(p.query(), pr.categoryPath()));
            }
            default -> { }
        }
    }

    @Override public void reset() {
        lastSearch.clear();
        learner.reset();
    }

    @Override public void forget(Set<String> actorKeys) { actorKeys.forEach(lastSearch::remove); }
}
