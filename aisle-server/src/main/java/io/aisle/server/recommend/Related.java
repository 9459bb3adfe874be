package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.features.graph.ItemLink;
import io.aisle.features.graph.ItemScore;

import java.util.List;

/**
 * What goes with one product, by each kind of evidence, as listings, strongest first: co-view, co-cart and
 * co-purchase neighbours from the activity graph (weights decayed), and nearest neighbours by behaviour vectors and
 * by content vectors (cosine). The per-item list that candidate sources merge for anchors.
 *
 * @param complete false when only the graph lists were computed (vector neighbours still to come)
 */
public record Related(ProductId item, List<ItemScore> coView, List<ItemScore> coCart, List<ItemScore> coPurchase,
                      List<ItemScore> behaviour, List<ItemScore> content, boolean complete) {
    public Related {
        coView = List.copyOf(coView);
        coCart = List.copyOf(coCart);
        coPurchase = List.copyOf(coPurchase);
        behaviour = List.copyOf(behaviour);
        content = List.copyOf(content);
    }

    public static Related empty(ProductId item) { return new Related(item, List.of(), List.of(), List.of(), List.of(), List.of(), true); }

    public List<ItemScore> of(ItemLink kind) {
        return switch (kind) {
            case CO_VIEW -> coView;
            case CO_CART -> coCart;
            case CO_PURCHASE -> coPurchase;
        };
    }
}
