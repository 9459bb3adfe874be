package io.aisle.core.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.validation.Text;
import io.aisle.core.validation.ValidationException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** Where a list of recommendations is shown, and so what it is about. A closed set: one record per surface. */
public sealed interface Surface {
    /** Most products a bought-together request may name. */
    int MAX_CART = 50;

    /** The surface's name on the wire and in metrics: {@code home}, {@code similar}, {@code bought_together}, {@code next}. */
    String kind();

    /**
     * A shopper's home feed.
     *
     * @param actorKey the shopper or device, as {@link io.aisle.core.event.Actor#key()} writes it ({@code s:u-42},
     *                 {@code a:d-7f})
     */
    record Home(String actorKey) implements Surface {
        public Home { requireActorKey(actorKey); }

        @Override public String kind() { return "home"; }
    }

    /** Products like this one (substitutes): on a product page. */
    record Similar(ProductId product) implements Surface {
        public Similar { Objects.requireNonNull(product, "product"); }

        @Override public String kind() { return "similar"; }
    }

    /** Products that go with what is in the cart (complements); repeats are dropped, order kept. */
    record BoughtTogether(List<ProductId> cart) implements Surface {
        public BoughtTogether {
            Objects.requireNonNull(cart, "cart");
            cart = List.copyOf(new LinkedHashSet<>(cart));
            if (cart.isEmpty()) throw new ValidationException("items", "must name at least one product");
            if (cart.size() > MAX_CART) throw new ValidationException("items", "must name at most " + MAX_CART + " products, got " + cart.size());
        }

        @Override public String kind() { return "bought_together"; }
    }

    /**
     * What to show next in a session in progress.
     *
     * @param actorKey  the shopper or device, as in {@link Home}
     * @param sessionId the storefront's session id
     */
    record NextInSession(String actorKey, String sessionId) implements Surface {
        public NextInSession {
            requireActorKey(actorKey);
            Text.requireId("session_id", sessionId);
        }

        @Override public String kind() { return "next"; }
    }

    private static void requireActorKey(String key) {
        if (key == null || !(key.startsWith("s:") || key.startsWith("a:"))) {
            throw new ValidationException("actor", "must be a shopper key 's:<id>' or a device key 'a:<id>'");
        }
        Text.requireId(key.startsWith("s:") ? "shopper_id" : "device_id", key.substring(2));
    }
}
