package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.recommend.Surface;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What sources know about one request.
 *
 * @param actorKey   the canonical key of the shopper or device, or null for surfaces about products only
 * @param anchors    listings the list is about, strongest first
 * @param history    the shopper's (or session's) recent listings, oldest first, for sequence models
 * @param categories category paths the list should draw from, strongest first
 * @param segment    the department the shopper engages with most, or {@link Snapshot#EVERYONE}
 * @param perSource  most candidates one source should return
 * @param related    each anchor's related lists, read once per request (from the tier or live, by mode)
 */
public record CandidateContext(Surface surface, Mode mode, String actorKey, List<Anchor> anchors, List<ProductId> history,
                               List<List<String>> categories, String segment, int perSource,
                               Map<ProductId, Related> related, ServingState state) {
    public CandidateContext {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(mode, "mode");
        anchors = List.copyOf(anchors);
        history = List.copyOf(history);
        categories = List.copyOf(categories);
        Objects.requireNonNull(segment, "segment");
        related = Map.copyOf(related);
        Objects.requireNonNull(state, "state");
    }

    /** The anchor's related lists; empty when none were read for it. */
    public Related related(Anchor anchor) { return related.getOrDefault(anchor.id(), Related.empty(anchor.id())); }

    /** True for the shopper-centred surfaces (home, next in session). */
    public boolean personal() { return actorKey != null; }
}
