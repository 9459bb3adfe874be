package io.aisle.core.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a shopper did, as a storefront reports it.
 *
 * @param dwellMs   milliseconds on a product page ({@code dwell}, {@code view_item})
 * @param scrollPct deepest scroll position in percent ({@code scroll}, {@code page_view}, {@code view_item})
 * @param zoom      image zoom factor ({@code image_zoom})
 */
public record ShopperEvent(
        EventId id,
        EventName name,
        Actor actor,
        String sessionId,
        Instant timestamp,
        List<EventItem> items,
        String query,
        Map<String, List<String>> filters,
        BigDecimal value,
        String currency,
        EventContext context,
        Long dwellMs,
        Integer scrollPct,
        Double zoom) {

    public ShopperEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(timestamp, "timestamp");
        items = List.copyOf(items == null ? List.of() : items);
        filters = filters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(filters));
        context = context == null ? EventContext.NONE : context;
    }
}
