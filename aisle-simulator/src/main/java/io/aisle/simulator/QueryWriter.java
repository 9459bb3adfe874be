package io.aisle.simulator;

import java.util.Arrays;
import java.util.Locale;

/**
 * Writes the search queries a shopper types for a category, from its search words, brands, attribute phrases, uses
 * and a price cap ("stridelab running shoes for plantar fasciitis under 130"), with the occasional typo.
 */
final class QueryWriter {
    /** A query and the intent behind it, which decides the results; -1 marks a part the query does not have. */
    record Query(String text, int brandPosition, int useBit, long maxPriceMinor) {}

    private final CatalogView view;
    private final long minorPerMajor;

    QueryWriter(CatalogView view) {
        this.view = view;
        long unit = 1;
        for (int i = 0; i < view.digits(); i++) unit *= 10;
        this.minorPerMajor = unit;
    }

    Query write(int category, ShopperTaste shopper, Rng rng) {
        CategoryInfo info = view.categoryInfo(category);
        StringBuilder text = new StringBuilder(48);
        int brandPosition = -1;
        if (info.brands().length > 0 && rng.chance(0.25)) {
            brandPosition = favouriteOrAny(info, shopper, rng);
            text.append(view.brandName(info.brands()[brandPosition]).toLowerCase(Locale.ROOT)).append(' ');
        }
        String modifier = !info.modifiers().isEmpty() && rng.chance(0.3) ? rng.pick(info.modifiers()) : null;
        // "16gb ram laptop" or "laptop 16gb ram", but always "coffee machine with grinder".
        boolean modifierFirst = modifier != null && !modifier.startsWith("with ") && rng.chance(0.5);
        if (modifier != null && modifierFirst) text.append(modifier).append(' ');
        text.append(rng.pick(info.nouns()));
        if (modifier != null && !modifierFirst) text.append(' ').append(modifier);
        int useBit = -1;
        if (!info.uses().isEmpty() && rng.chance(0.25)) {
            useBit = rng.nextInt(info.uses().size());
            text.append(" for ").append(info.uses().get(useBit).toLowerCase(Locale.ROOT));
        }
        long maxPrice = -1;
        if (rng.chance(0.12)) {
            double major = info.medianPrice() / (double) minorPerMajor * (1.3 - 0.2 * shopper.priceSensitivity);
            long cap = major < 50 ? Math.max(5, Math.round(major / 5) * 5) : Math.round(major / 10) * 10;
            text.append(" under ").append(cap);
            maxPrice = cap * minorPerMajor;
        }
        String query = text.toString();
        if (rng.chance(0.08)) query = typo(query, rng);
        if (rng.chance(0.1)) query = Character.toUpperCase(query.charAt(0)) + query.substring(1);
        return new Query(query, brandPosition, useBit, maxPrice);
    }

    /** Position in the category's brand list of a brand the shopper likes there (usually), or of any brand. */
    private static int favouriteOrAny(CategoryInfo info, ShopperTaste shopper, Rng rng) {
        if (rng.chance(0.7)) {
            for (int brand : shopper.favouriteBrands) {
                int at = Arrays.binarySearch(info.brands(), brand);
                if (at >= 0) return at;
            }
        }
        return rng.nextInt(info.brands().length);
    }

    /** One slip of the fingers in one word of four or more letters: two letters swapped, one dropped, or one doubled. */
    static String typo(String query, Rng rng) {
        String[] words = query.split(" ");
        int[] candidates = new int[words.length];
        int n = 0;
        for (int i = 0; i < words.length; i++) if (words[i].length() >= 4 && Character.isLetter(words[i].charAt(0))) candidates[n++] = i;
        if (n == 0) return query;
        int w = candidates[rng.nextInt(n)];
        char[] chars = words[w].toCharArray();
        int at = 1 + rng.nextInt(chars.length - 2);
        words[w] = switch (rng.nextInt(3)) {
            case 0 -> {
                char c = chars[at];
                chars[at] = chars[at + 1];
                chars[at + 1] = c;
                yield new String(chars);
            }
            case 1 -> words[w].substring(0, at) + words[w].substring(at + 1);
            default -> words[w].substring(0, at) + chars[at] + words[w].substring(at);
        };
        return String.join(" ", words);
    }
}
