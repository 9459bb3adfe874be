package io.aisle.vision;

import java.util.Locale;

/**
 * Broad product shapes, each with the width-over-height range a photo of it plausibly has; a cut-out outside the
 * range suggests a bad matte (shadow or prop included, part missing) or a wrong category.
 */
public enum ProductKind {
    BAG(0.35, 2.6, "bag"), WATCH(0.2, 1.5, "watch"), FOOTWEAR(0.8, 4.0, "shoe"), APPAREL(0.3, 2.0, "garment"),
    BOTTLE(0.12, 0.9, "bottle"), FITNESS(0.08, 12, "piece of fitness gear"), OTHER(0.05, 20, "product");

    private final double minAspect;
    private final double maxAspect;
    private final String noun;

    ProductKind(double minAspect, double maxAspect, String noun) {
        this.minAspect = minAspect;
        this.maxAspect = maxAspect;
        this.noun = noun;
    }

    public double minAspect() { return minAspect; }

    public double maxAspect() { return maxAspect; }

    /** How the kind is named in alt text. */
    public String noun() { return noun; }

    /** The kind named by a category path and title, by keywords; {@link #OTHER} when nothing matches. */
    public static ProductKind infer(String categoryAndTitle) {
        String t = categoryAndTitle.toLowerCase(Locale.ROOT);
        if (t.matches(".*\\b(watch|watches)\\b.*")) return WATCH;
        if (t.matches(".*\\b(bag|bags|backpack|duffle|duffel|tote|messenger|pack|satchel)\\b.*")) return BAG;
        if (t.matches(".*\\b(shoe|shoes|sneaker|sneakers|boot|boots|footwear)\\b.*")) return FOOTWEAR;
        if (t.matches(".*\\b(bottle|flask|tumbler)\\b.*")) return BOTTLE;
        if (t.matches(".*\\b(fitness|exercise|yoga|dumbbell|kettlebell|ball|band|strap|roller|mat)\\b.*")) return FITNESS;
        if (t.matches(".*\\b(shirt|tee|hoodie|jacket|pants|shorts|top|tops|bottoms|bra|tank|dress|skirt)\\b.*")) return APPAREL;
        return OTHER;
    }
}
