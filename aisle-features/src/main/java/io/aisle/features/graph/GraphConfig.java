package io.aisle.features.graph;

import io.aisle.features.session.SessionBoundary;

import java.time.Duration;
import java.util.Objects;

/**
 * Sizes and rules of the activity graph.
 *
 * @param sessions          where co-occurrence windows end (same rule as the sessionizer)
 * @param window            distinct items of a session a new one is paired with (co-view, co-cart, co-purchase
 *                          each keep their own window); bounds the work per event
 * @param itemNeighbours    neighbours kept per item and item-item kind, and items kept per category
 * @param actorItems        items kept per actor key
 * @param actorQueries      queries kept per actor key
 * @param querySignal       weight of one search ({@link io.aisle.core.event.SignalWeights} gives searches 0: they
 *                          name no item)
 * @param foldVariants      file a variant's signals under its parent (the listing), as the catalogue says
 * @param catalogRetry      graph time after which an item the catalogue did not know is looked up again
 */
public record GraphConfig(SessionBoundary sessions, int window, int itemNeighbours, int actorItems, int actorQueries,
                          double querySignal, boolean foldVariants, Duration catalogRetry) {
    public GraphConfig {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(catalogRetry, "catalogRetry");
        if (window < 1 || window > 1_000) throw new IllegalArgumentException("window must be 1..1000, got " + window);
        if (itemNeighbours < 1 || itemNeighbours > 100_000) {
            throw new IllegalArgumentException("itemNeighbours must be 1..100000, got " + itemNeighbours);
        }
        if (actorItems < 1 || actorItems > 100_000) throw new IllegalArgumentException("actorItems must be 1..100000, got " + actorItems);
        if (actorQueries < 0 || actorQueries > 100_000) {
            throw new IllegalArgumentException("actorQueries must be 0..100000, got " + actorQueries);
        }
        if (!(querySignal >= 0) || Double.isInfinite(querySignal)) {
            throw new IllegalArgumentException("querySignal must be finite and not negative, got " + querySignal);
        }
        if (catalogRetry.isNegative()) throw new IllegalArgumentException("catalogRetry must not be negative, got " + catalogRetry);
    }

    /** 30-minute sessions, window 20, 200 neighbours per item, 200 items and 50 queries per actor, variants folded. */
    public static GraphConfig defaults() {
        return new GraphConfig(SessionBoundary.defaults(), 20, 200, 200, 50, 1.0, true, Duration.ofHours(1));
    }

    public GraphConfig withItemNeighbours(int n) {
        return new GraphConfig(sessions, window, n, actorItems, actorQueries, querySignal, foldVariants, catalogRetry);
    }

    public GraphConfig withWindow(int k) {
        return new GraphConfig(sessions, k, itemNeighbours, actorItems, actorQueries, querySignal, foldVariants, catalogRetry);
    }

    public GraphConfig withActorCaps(int items, int queries) {
        return new GraphConfig(sessions, window, itemNeighbours, items, queries, querySignal, foldVariants, catalogRetry);
    }

    public GraphConfig withFoldVariants(boolean fold) {
        return new GraphConfig(sessions, window, itemNeighbours, actorItems, actorQueries, querySignal, fold, catalogRetry);
    }
}
