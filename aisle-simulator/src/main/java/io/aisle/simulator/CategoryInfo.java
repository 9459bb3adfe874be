package io.aisle.simulator;

import java.util.List;

/**
 * One category of a {@link CatalogView} as the shopper model sees it: its listable products and brands, plus the
 * vocabulary and seasons of the matching {@link CategoryProfile} when the taxonomy knows the category.
 *
 * @param items       listable products (standalone products and parents, never variants), by catalogue index
 * @param brands      distinct brand ids among {@code items}
 * @param uses        use-case labels; bit i of an item's use mask means it is good for {@code uses.get(i)}
 * @param medianPrice median listable price in minor units
 */
record CategoryInfo(
        String key,
        String slug,
        List<String> nouns,
        List<String> modifiers,
        List<String> uses,
        double[] months,
        long medianPrice,
        int maxQuantity,
        double refundRate,
        int[] items,
        int[] brands) {

    static String slug(String key) {
        StringBuilder out = new StringBuilder(key.length());
        boolean dash = false;
        for (int i = 0; i < key.length(); i++) {
            char c = Character.toLowerCase(key.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                dash = false;
            } else if (!dash && !out.isEmpty()) {
                out.append('-');
                dash = true;
            }
        }
        if (dash) out.setLength(out.length() - 1);
        return out.isEmpty() ? "all" : out.toString();
    }
}
