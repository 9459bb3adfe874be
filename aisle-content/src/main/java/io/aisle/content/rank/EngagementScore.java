package io.aisle.content.rank;

/**
 * The discriminator's prediction for one text: click-through from a listing and add-to-cart once on the page;
 * {@code value} is their product, expected carts per impression, which is what candidates are ranked by.
 */
public record EngagementScore(double ctr, double addToCart, double value) {
    public static EngagementScore of(double ctr, double addToCart) { return new EngagementScore(ctr, addToCart, ctr * addToCart); }
}
