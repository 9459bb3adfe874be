package io.aisle.features.graph;

/** The kinds of edge the activity graph keeps, each weighted and decayed separately. */
public enum EdgeKind {
    /** What an actor did with an item: sum of signal weights. */
    SHOPPER_ITEM,
    /** What an actor searched for. */
    SHOPPER_QUERY,
    /** Two items viewed in one session. */
    CO_VIEW,
    /** Two items added to the cart in one session. */
    CO_CART,
    /** Two items bought in one session. */
    CO_PURCHASE,
    /** An item and its category, weighted by the item's total signal (its popularity). */
    ITEM_CATEGORY
}
