package io.aisle.features.feature;

import java.util.HashMap;
import java.util.Map;

/** A shopper's state and that of their categories and brands; its monitor guards all three, so forgetting is one removal. */
final class ShopperState {
    final EntityState self;
    private Map<String, EntityState> categories;
    private Map<String, EntityState> brands;

    ShopperState(Layout layout) { self = new EntityState(layout); }

    /** The shopper's categories or brands by name, null when there are none yet. */
    Map<String, EntityState> children(boolean brand) { return brand ? brands : categories; }

    EntityState child(boolean brand, String name, Layout layout) {
        Map<String, EntityState> map = brand ? brands : categories;
        if (map == null) {
            map = new HashMap<>(4);
            if (brand) brands = map;
            else categories = map;
        }
        EntityState s = map.get(name);
        if (s == null) map.put(name, s = new EntityState(layout));
        return s;
    }

    long bytes() {
        return 32 + self.bytes() + bytes(categories) + bytes(brands);
    }

    private static long bytes(Map<String, EntityState> children) {
        if (children == null) return 0;
        long b = 48 + 8L * children.size() * 2; // map and its table; keys are the catalogue's shared Strings
        for (EntityState s : children.values()) b += 32 + s.bytes(); // entry and state
        return b;
    }
}
