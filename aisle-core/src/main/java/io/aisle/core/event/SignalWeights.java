package io.aisle.core.event;

import java.time.Duration;

/**
 * How strongly one event says a shopper wants an item: purchase > cart > zoom > long dwell > view, with short
 * dwell and bounces weak or negative. Shared by the activity graph, features and behaviour vectors so all of them
 * read signals the same way.
 *
 * @param purchase     weight of a purchase
 * @param addToCart    weight of an add to cart
 * @param imageZoom    weight of an image zoom
 * @param longDwell    weight of dwelling at least {@code longDwellMs} on a product
 * @param view         weight of a product view or a click from a list
 * @param shortDwell   weight of dwelling less than {@code shortDwellMs} (a bounce): negative
 * @param removeFromCart weight of a removal from the cart: negative
 * @param refund       weight of a refund: negative
 * @param halfLife     time after which a signal counts half
 */
public record SignalWeights(double purchase, double addToCart, double imageZoom, double longDwell, double view,
                            double shortDwell, double removeFromCart, double refund, long longDwellMs,
                            long shortDwellMs, Duration halfLife) {

    public SignalWeights {
        if (!(purchase > addToCart && addToCart > imageZoom && imageZoom > longDwell && longDwell > view && view > 0)) {
            throw new IllegalArgumentException("weights must order purchase > addToCart > imageZoom > longDwell > view > 0");
        }
        if (shortDwell > 0 || removeFromCart > 0 || refund > 0) {
            throw new IllegalArgumentException("shortDwell, removeFromCart and refund must be zero or negative");
        }
        if (shortDwellMs < 0 || longDwellMs <= shortDwellMs) throw new IllegalArgumentException("need 0 <= shortDwellMs < longDwellMs");
        if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) throw new IllegalArgumentException("halfLife must be positive");
    }

    /** Defaults: purchase 5, cart 3, zoom 1.5, long dwell (30 s+) 1.2, view 1, short dwell (<3 s) -0.5, removal -1, refund -4, half-life 30 days. */
    public static SignalWeights defaults() {
        return new SignalWeights(5, 3, 1.5, 1.2, 1, -0.5, -1, -4, 30_000, 3_000, Duration.ofDays(30));
    }

    /**
     * The weight of {@code e} for each item it names; 0 for events that say nothing about items (page views,
     * searches, filters, list views, checkouts).
     */
    public double weight(ShopperEvent e) {
        return switch (e.name()) {
            case PURCHASE -> purchase;
            case ADD_TO_CART -> addToCart;
            case IMAGE_ZOOM -> imageZoom;
            case VIEW_ITEM, SELECT_ITEM -> view;
            case DWELL -> e.dwellMs() == null ? 0 : e.dwellMs() >= longDwellMs ? longDwell : e.dwellMs() < shortDwellMs ? shortDwell : 0;
            case REMOVE_FROM_CART -> removeFromCart;
            case REFUND -> refund;
            default -> 0;
        };
    }

    /** The factor a signal of age {@code age} keeps: 1 when new, 0.5 after one half-life. */
    public double decay(Duration age) {
        if (age.isNegative()) return 1;
        return Math.pow(0.5, (double) age.toMillis() / halfLife.toMillis());
    }
}
