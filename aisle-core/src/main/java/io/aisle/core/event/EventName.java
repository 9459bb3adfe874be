package io.aisle.core.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The closed set of shopper events: GA4 e-commerce names plus the engagement signals Aisle learns from. */
public enum EventName {
    PAGE_VIEW("page_view"),
    VIEW_ITEM("view_item"),
    VIEW_ITEM_LIST("view_item_list"),
    SELECT_ITEM("select_item"),
    SEARCH("search"),
    ADD_TO_CART("add_to_cart"),
    REMOVE_FROM_CART("remove_from_cart"),
    BEGIN_CHECKOUT("begin_checkout"),
    PURCHASE("purchase"),
    REFUND("refund"),
    /** Time spent on a product page; carries {@code dwell_ms}. */
    DWELL("dwell"),
    /** How far down a page the shopper scrolled; carries {@code scroll_pct}. */
    SCROLL("scroll"),
    /** The shopper zoomed into a product image; carries {@code zoom}. */
    IMAGE_ZOOM("image_zoom"),
    /** The shopper narrowed a listing; carries {@code filters}. */
    FILTER_APPLIED("filter_applied");

    private static final Map<String, EventName> BY_WIRE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventName::wire, Function.identity()));

    private final String wire;

    EventName(String wire) { this.wire = wire; }

    /** The snake_case name used on the wire and in the log. */
    public String wire() { return wire; }

    public static Optional<EventName> fromWire(String name) { return Optional.ofNullable(BY_WIRE.get(name)); }

    /** Whether the event is about specific products and so must list at least one item. */
    public boolean needsItems() {
        return switch (this) {
            case VIEW_ITEM, SELECT_ITEM, ADD_TO_CART, REMOVE_FROM_CART, BEGIN_CHECKOUT, PURCHASE, REFUND, DWELL,
                 IMAGE_ZOOM -> true;
            default -> false;
        };
    }

    /** Names as a readable list, for error messages. */
    public static String allWireNames() {
        return Arrays.stream(values()).map(EventName::wire).collect(Collectors.joining(", "));
    }
}
