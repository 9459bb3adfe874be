package io.aisle.features.graph;

/** The item-to-item edge kinds: which session co-occurrence links two items. */
public enum ItemLink {
    CO_VIEW(EdgeKind.CO_VIEW),
    CO_CART(EdgeKind.CO_CART),
    CO_PURCHASE(EdgeKind.CO_PURCHASE);

    private final EdgeKind kind;

    ItemLink(EdgeKind kind) { this.kind = kind; }

    public EdgeKind edgeKind() { return kind; }
}
