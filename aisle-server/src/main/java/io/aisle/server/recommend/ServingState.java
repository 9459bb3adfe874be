package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.embeddings.Neighbour;
import io.aisle.embeddings.behaviour.BehaviourModel;
import io.aisle.features.graph.ItemScore;
import io.aisle.server.derived.Personalization;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** What candidate sources read: the live catalogue, the per-item tier, the snapshot lists and the live graph. */
public final class ServingState {
    private final Personalization personalization;
    private final LiveCatalogue catalogue;
    private final RelatedItems related;
    private final Supplier<Snapshot> snapshot;
    private final Supplier<BehaviourIndex> index;

    ServingState(Personalization personalization, LiveCatalogue catalogue, RelatedItems related, Supplier<Snapshot> snapshot,
                 Supplier<BehaviourIndex> index) {
        this.personalization = personalization;
        this.catalogue = catalogue;
        this.related = related;
        this.snapshot = snapshot;
        this.index = index;
    }

    /** Precomputed: the per-item tier (the graph part live when missing). Real time: the live graph. */
    public Related related(ProductId id, Mode mode) {
        return mode == Mode.PRECOMPUTED ? related.precomputed(id) : related.live(id, false);
    }

    /** With vector neighbours: the tier's complete list (computed now when missing), or computed live. */
    public Related relatedComplete(ProductId id, Mode mode) {
        return mode == Mode.PRECOMPUTED ? related.complete(id) : related.live(id, true);
    }

    /**
     * The most popular listings of a leaf category, from the snapshot in every mode: it is seconds old, does not
     * depend on who asks, and ranking a large category live costs a pass over all its items.
     */
    public List<ItemScore> popularIn(List<String> path) { return snapshot.get().category(path); }

    /** Content-vector neighbours of one listing, computed now (a scan of every vector). */
    public List<Neighbour> contentNeighbours(ProductId id, int k) { return personalization.contentNeighbours(id, k); }

    public Optional<BehaviourModel> behaviour() { return personalization.behaviourModel(); }

    /**
     * The nearest listings to a unit vector in behaviour space, skipping {@code exclude}: among the popular head
     * ({@link BehaviourIndex}) once it is built for the current vectors, else a scan of every item.
     */
    public List<Neighbour> nearestByBehaviour(float[] query, int k, Set<ProductId> exclude) {
        Optional<BehaviourModel> model = behaviour();
        if (model.isEmpty()) return List.of();
        BehaviourIndex head = index.get();
        if (head != null && head.model() == model.get()) return head.nearest(query, k, exclude);
        return model.get().nearest(query, k, exclude::contains);
    }

    public Snapshot snapshot() { return snapshot.get(); }

    public String title(ProductId id) { return catalogue.title(id); }

    public ProductId listing(ProductId id) { return catalogue.listing(id); }

    public boolean available(ProductId id) { return catalogue.available(id); }

    /** The listing's category path; empty when unknown. */
    public List<String> categoryPath(ProductId id) {
        LiveCatalogue.Entry e = catalogue.get(id);
        return e == null ? List.of() : e.categoryPath();
    }
}
