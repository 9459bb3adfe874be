package io.aisle.core.feature;

import io.aisle.core.catalog.ProductId;

import java.util.List;
import java.util.Objects;

/**
 * Names one entity that has features. Shopper-owned ids start with the actor key, which never contains {@code /}
 * (identifiers refuse it), so the first {@code /} separates the owner from the category or brand.
 */
public record EntityRef(EntityKind kind, String id) {
    /** Separates the actor key from the category or brand in shopper-owned ids. */
    public static final char SEPARATOR = '/';
    /** Joins a category path into one category key, so leaves with the same name in different trees stay apart. */
    public static final String PATH_JOINER = " > ";

    public EntityRef {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank()) throw new IllegalArgumentException("entity id must not be blank");
        if (kind == EntityKind.SHOPPER_CATEGORY || kind == EntityKind.SHOPPER_BRAND) {
            int cut = id.indexOf(SEPARATOR);
            if (cut <= 0 || cut == id.length() - 1) {
                throw new IllegalArgumentException(kind + " id must be <actor key>/<name>, got '" + id + "'");
            }
        }
    }

    public static EntityRef item(ProductId id) { return new EntityRef(EntityKind.ITEM, id.value()); }

    public static EntityRef item(String productId) { return new EntityRef(EntityKind.ITEM, productId); }

    /** A shopper by {@link io.aisle.core.event.Actor#key()}. */
    public static EntityRef shopper(String actorKey) { return new EntityRef(EntityKind.SHOPPER, actorKey); }

    /** A shopper's relation to a category key (see {@link #categoryKey(List)}). */
    public static EntityRef shopperCategory(String actorKey, String category) {
        return new EntityRef(EntityKind.SHOPPER_CATEGORY, actorKey + SEPARATOR + category);
    }

    public static EntityRef shopperBrand(String actorKey, String brand) {
        return new EntityRef(EntityKind.SHOPPER_BRAND, actorKey + SEPARATOR + brand);
    }

    /** The category key of a product's category path: its parts joined by {@code " > "}; empty when uncategorised. */
    public static String categoryKey(List<String> categoryPath) { return String.join(PATH_JOINER, categoryPath); }

    /** The actor key of the shopper this entity belongs to; null for items. */
    public String owner() {
        return switch (kind) {
            case ITEM -> null;
            case SHOPPER -> id;
            case SHOPPER_CATEGORY, SHOPPER_BRAND -> id.substring(0, id.indexOf(SEPARATOR));
        };
    }

    /** The category or brand of a shopper-owned entity; null for items and shoppers. */
    public String qualifier() {
        return kind.ownedByShopper() && kind != EntityKind.SHOPPER ? id.substring(id.indexOf(SEPARATOR) + 1) : null;
    }

    @Override public String toString() { return kind + ":" + id; }
}
