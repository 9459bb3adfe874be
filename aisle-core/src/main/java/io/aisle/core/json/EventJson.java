package io.aisle.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.Actor;
import io.aisle.core.event.EventContext;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;
import io.aisle.core.validation.Errors;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The snake_case wire form of shopper events (GA4 style), both directions. Decoding checks every field and the
 * rules that tie fields to event names, and reports each problem with its path.
 */
public final class EventJson {
    public static final int MAX_ITEMS = 200;
    public static final int MAX_QUERY = 500;
    /** Events stamped further ahead than this are refused: clocks drift, but not by days. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofHours(24);

    private static final Set<String> FIELDS = Set.of("event_id", "name", "shopper_id", "anonymous_id", "session_id",
            "timestamp", "items", "query", "filters", "value", "currency", "context", "dwell_ms", "scroll_pct", "zoom");
    private static final Set<String> ITEM_FIELDS = Set.of("item_id", "price", "quantity", "index");
    private static final Set<String> CONTEXT_FIELDS = Set.of("device", "referrer", "locale", "page_url", "user_agent");

    private final ObjectMapper mapper;
    private final java.time.Clock clock;

    public EventJson(ObjectMapper mapper, java.time.Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Decodes one event; {@code path} prefixes error field names (e.g. "events[3]"). */
    public Decoded<ShopperEvent> decode(JsonNode node, String path) {
        return decode(node, path, true);
    }

    // The clock-skew rule applies when an event arrives, not when a stored one is read back later.
    private Decoded<ShopperEvent> decode(JsonNode node, String path, boolean arriving) {
        Errors errors = new Errors();
        if (node == null || !node.isObject()) {
            errors.add(path.isEmpty() ? "event" : path, "must be a JSON object");
            return Decoded.invalid(errors.list());
        }
        JsonFields f = new JsonFields(node, path, errors);
        f.rejectUnknown(FIELDS);
        String eventId = f.id("event_id", true);
        String rawName = f.string("name", true, 64);
        EventName name = null;
        if (rawName != null) {
            name = EventName.fromWire(rawName).orElse(null);
            if (name == null) f.error("name", "'" + JsonFields.abbreviate(rawName) + "' is not one of " + EventName.allWireNames());
        }
        String shopper = f.id("shopper_id", false);
        String anonymous = f.id("anonymous_id", false);
        if (!f.has("shopper_id") && !f.has("anonymous_id")) f.error("shopper_id", "shopper_id or anonymous_id is required");
        String session = f.id("session_id", true);
        Instant timestamp = f.timestamp("timestamp", true);
        if (arriving && timestamp != null && timestamp.isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
            f.error("timestamp", "is more than 24 hours in the future");
            timestamp = null;
        }
        List<EventItem> items = items(f, errors);
        String query = f.string("query", false, MAX_QUERY);
        Map<String, List<String>> filters = filters(f);
        BigDecimal value = f.decimal("value", false, false);
        String currency = f.string("currency", false, 3);
        if (currency != null) {
            String problem = Money.currencyProblem(currency);
            if (problem != null) f.error("currency", problem);
        }
        if (f.has("value") && !f.has("currency")) f.error("currency", "is required when value is given");
        EventContext context = context(f, errors);
        Long dwell = f.integer("dwell_ms", false, 0, Duration.ofDays(1).toMillis());
        Long scroll = f.integer("scroll_pct", false, 0, 100);
        Double zoom = f.number("zoom", false, 1.0, 100.0);

        if (name != null) checkNameRules(name, f, items, query, filters);
        if (!errors.isEmpty()) return Decoded.invalid(errors.list());
        return Decoded.ok(new ShopperEvent(EventId.of(eventId), name,
                new Actor(shopper == null ? null : ShopperId.of(shopper), anonymous == null ? null : AnonymousId.of(anonymous)),
                session, timestamp, items, query, filters, value, currency, context, dwell,
                scroll == null ? null : scroll.intValue(), zoom));
    }

    private static void checkNameRules(EventName name, JsonFields f, List<EventItem> items, String query,
                                       Map<String, List<String>> filters) {
        if (name.needsItems() && items != null && items.isEmpty() && !f.has("items") ) {
            f.error("items", "is required for " + name.wire());
        } else if (name.needsItems() && items != null && items.isEmpty()) {
            f.error("items", "must list at least one item for " + name.wire());
        }
        if (name == EventName.SEARCH && query == null && !f.has("query")) f.error("query", "is required for search");
        if (name == EventName.FILTER_APPLIED && filters != null && filters.isEmpty() && !f.has("filters")) {
            f.error("filters", "is required for filter_applied");
        }
        if (name == EventName.DWELL && !f.has("dwell_ms")) f.error("dwell_ms", "is required for dwell");
        if (name == EventName.SCROLL && !f.has("scroll_pct")) f.error("scroll_pct", "is required for scroll");
        if (name == EventName.IMAGE_ZOOM && !f.has("zoom")) f.error("zoom", "is required for image_zoom");
        if (f.has("dwell_ms") && name != EventName.DWELL && name != EventName.VIEW_ITEM && name != EventName.PAGE_VIEW) {
            f.error("dwell_ms", "only applies to dwell, view_item and page_view");
        }
        if (f.has("scroll_pct") && name != EventName.SCROLL && name != EventName.VIEW_ITEM && name != EventName.PAGE_VIEW) {
            f.error("scroll_pct", "only applies to scroll, view_item and page_view");
        }
        if (f.has("zoom") && name != EventName.IMAGE_ZOOM) f.error("zoom", "only applies to image_zoom");
    }

    private static List<EventItem> items(JsonFields f, Errors errors) {
        JsonNode array = f.array("items", false, MAX_ITEMS);
        if (array == null) return f.has("items") ? null : List.of();
        List<EventItem> items = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String itemPath = f.path("items") + "[" + i + "]";
            if (!node.isObject()) {
                errors.add(itemPath, "must be an object with item_id");
                continue;
            }
            JsonFields item = new JsonFields(node, itemPath, errors);
            item.rejectUnknown(ITEM_FIELDS);
            String id = item.id("item_id", true);
            BigDecimal price = item.decimal("price", false, false);
            Long quantity = item.integer("quantity", false, 1, 1_000_000);
            Long index = item.integer("index", false, 0, 100_000);
            if (id != null) {
                items.add(new EventItem(ProductId.of(id), price, quantity == null ? 1 : quantity.intValue(),
                        index == null ? null : index.intValue()));
            }
        }
        return items;
    }

    private static Map<String, List<String>> filters(JsonFields f) {
        JsonNode node = f.object("filters", false);
        if (node == null) return f.has("filters") ? null : Map.of();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (node.size() > 50) {
            f.error("filters", "must have at most 50 entries");
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = "filters." + e.getKey();
            if (e.getKey().isBlank() || e.getKey().length() > 64) {
                f.error(key, "filter names must be 1 to 64 characters");
                continue;
            }
            List<String> values = new ArrayList<>();
            JsonNode v = e.getValue();
            if (v.isValueNode() && !v.isNull()) {
                values.add(v.asText());
            } else if (v.isArray() && v.size() <= 100) {
                for (JsonNode x : v) {
                    if (x.isValueNode() && !x.isNull()) values.add(x.asText());
                    else f.error(key, "values must be strings, numbers or booleans");
                }
            } else {
                f.error(key, "must be a value or an array of at most 100 values");
                continue;
            }
            if (values.stream().anyMatch(s -> s.length() > 200)) f.error(key, "values must be at most 200 characters");
            else filters.put(e.getKey(), List.copyOf(values));
        }
        return filters;
    }

    private static EventContext context(JsonFields f, Errors errors) {
        JsonNode node = f.object("context", false);
        if (node == null) return EventContext.NONE;
        JsonFields c = new JsonFields(node, f.path("context"), errors);
        c.rejectUnknown(CONTEXT_FIELDS);
        return new EventContext(c.string("device", false, 64), c.string("referrer", false, 2048),
                c.string("locale", false, 35), c.string("page_url", false, 2048), c.string("user_agent", false, 512));
    }

    /** The canonical wire form of an event (fields in a fixed order, absent values left out). */
    public ObjectNode encode(ShopperEvent e) {
        try {
            return (ObjectNode) mapper.readTree(toBytes(e));
        } catch (java.io.IOException ex) {
            throw new IllegalStateException("cannot encode event " + e.id(), ex);
        }
    }

    /** Encodes to compact JSON bytes (the form stored in the log), streamed: ingestion encodes every event. */
    public byte[] toBytes(ShopperEvent e) {
        try (com.fasterxml.jackson.core.util.ByteArrayBuilder out = new com.fasterxml.jackson.core.util.ByteArrayBuilder(384)) {
            try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
                write(g, e);
            }
            return out.toByteArray();
        } catch (java.io.IOException ex) {
            throw new IllegalStateException("cannot encode event " + e.id(), ex);
        }
    }

    /** Writes the canonical form of {@code e} as one JSON object. */
    public void write(JsonGenerator g, ShopperEvent e) throws java.io.IOException {
        g.writeStartObject();
        g.writeStringField("event_id", e.id().value());
        g.writeStringField("name", e.name().wire());
        if (e.actor().shopperId() != null) g.writeStringField("shopper_id", e.actor().shopperId().value());
        if (e.actor().anonymousId() != null) g.writeStringField("anonymous_id", e.actor().anonymousId().value());
        g.writeStringField("session_id", e.sessionId());
        g.writeStringField("timestamp", Rfc3339.format(e.timestamp()));
        if (!e.items().isEmpty()) {
            g.writeArrayFieldStart("items");
            for (EventItem item : e.items()) {
                g.writeStartObject();
                g.writeStringField("item_id", item.itemId().value());
                if (item.price() != null) g.writeNumberField("price", item.price());
                g.writeNumberField("quantity", item.quantity());
                if (item.index() != null) g.writeNumberField("index", item.index());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (e.query() != null) g.writeStringField("query", e.query());
        if (!e.filters().isEmpty()) {
            g.writeObjectFieldStart("filters");
            for (var filter : e.filters().entrySet()) {
                g.writeArrayFieldStart(filter.getKey());
                for (String v : filter.getValue()) g.writeString(v);
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        if (e.value() != null) g.writeNumberField("value", e.value());
        if (e.currency() != null) g.writeStringField("currency", e.currency());
        EventContext ctx = e.context();
        if (!ctx.isEmpty()) {
            g.writeObjectFieldStart("context");
            if (ctx.device() != null) g.writeStringField("device", ctx.device());
            if (ctx.referrer() != null) g.writeStringField("referrer", ctx.referrer());
            if (ctx.locale() != null) g.writeStringField("locale", ctx.locale());
            if (ctx.pageUrl() != null) g.writeStringField("page_url", ctx.pageUrl());
            if (ctx.userAgent() != null) g.writeStringField("user_agent", ctx.userAgent());
            g.writeEndObject();
        }
        if (e.dwellMs() != null) g.writeNumberField("dwell_ms", e.dwellMs());
        if (e.scrollPct() != null) g.writeNumberField("scroll_pct", e.scrollPct());
        if (e.zoom() != null) g.writeNumberField("zoom", e.zoom());
        g.writeEndObject();
    }

    /** Decodes bytes this codec wrote; stored events are trusted to be valid, so any error is a corruption. */
    public ShopperEvent fromBytes(byte[] bytes) {
        try {
            Decoded<ShopperEvent> d = decode(mapper.readTree(bytes), "", false);
            if (!d.isValid()) throw new IllegalStateException("stored event does not decode: " + d.errors());
            return d.value();
        } catch (java.io.IOException ex) {
            throw new IllegalStateException("stored event is not JSON", ex);
        }
    }
}
