package io.aisle.core.feature;

/** What a feature describes: an item, a shopper, or a shopper's relation to one category or brand. */
public enum EntityKind {
    /** A product listing; events on a variant count towards its parent. Id: the product id. */
    ITEM,
    /** A shopper or anonymous device. Id: the {@link io.aisle.core.event.Actor#key()} ({@code s:u-42}, {@code a:d-7f}). */
    SHOPPER,
    /** One shopper and one category. Id: {@code <actor key>/<category path joined by " > ">}. */
    SHOPPER_CATEGORY,
    /** One shopper and one brand. Id: {@code <actor key>/<brand>}. */
    SHOPPER_BRAND;

    /** Whether entities of this kind belong to one shopper, and so go when that shopper is forgotten. */
    public boolean ownedByShopper() { return this != ITEM; }
}
