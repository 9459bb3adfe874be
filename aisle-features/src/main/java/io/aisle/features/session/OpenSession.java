package io.aisle.features.session;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.ShopperEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A session still taking events: counters and capped distinct lists, turned into a {@link SessionSummary} on close. */
final class OpenSession {
    /** GA4 counts a session as engaged after 10 seconds. */
    private static final long ENGAGED_MS = 10_000;

    final String sessionId;
    final int part;
    long startMillis;
    long lastMillis;
    private int events;
    private int pages;
    private int conversions;
    private long longestDwellMs;
    private final List<String> actorKeys = new ArrayList<>(2);
    private final List<ProductId> viewed = new ArrayList<>(4);
    private final List<ProductId> carted = new ArrayList<>(2);
    private final List<ProductId> purchased = new ArrayList<>(2);
    private final List<String> queries = new ArrayList<>(2);

    OpenSession(String sessionId, int part, long atMillis) {
        this.sessionId = sessionId;
        this.part = part;
        this.startMillis = atMillis;
        this.lastMillis = atMillis;
    }

    void add(ShopperEvent e, long atMillis, String actorKey, SessionConfig config) {
        events++;
        startMillis = Math.min(startMillis, atMillis);
        lastMillis = Math.max(lastMillis, atMillis);
        if (!actorKeys.contains(actorKey)) actorKeys.add(actorKey);
        if (e.dwellMs() != null) longestDwellMs = Math.max(longestDwellMs, e.dwellMs());
        int cap = config.itemsPerList();
        switch (e.name()) {
            case PAGE_VIEW, VIEW_ITEM_LIST -> pages++;
            case VIEW_ITEM -> {
                pages++;
                addItems(viewed, e.items(), cap);
            }
            case SELECT_ITEM -> addItems(viewed, e.items(), cap);
            case ADD_TO_CART -> {
                conversions++;
                addItems(carted, e.items(), cap);
            }
            case BEGIN_CHECKOUT -> conversions++;
            case PURCHASE -> {
                conversions++;
                addItems(purchased, e.items(), cap);
            }
            case SEARCH -> addQuery(e.query(), config.queriesPerSession());
            default -> { }
        }
    }

    /** Whether this session includes events of {@code actorKey}. */
    boolean involves(String actorKey) { return actorKeys.contains(actorKey); }

    String key() { return part == 1 ? sessionId : sessionId + "#" + part; }

    SessionSummary summary(String filedUnder, boolean open) {
        boolean engaged = pages >= 2 || conversions > 0 || lastMillis - startMillis >= ENGAGED_MS || longestDwellMs >= ENGAGED_MS;
        return new SessionSummary(filedUnder, actorKeys, key(), sessionId, Instant.ofEpochMilli(startMillis),
                Instant.ofEpochMilli(lastMillis), events, viewed, carted, purchased, queries, pages == 1 && !engaged, open);
    }

    private static void addItems(List<ProductId> list, List<EventItem> items, int cap) {
        for (EventItem item : items) {
            if (list.size() >= cap) return;
            if (!list.contains(item.itemId())) list.add(item.itemId());
        }
    }

    private void addQuery(String query, int cap) {
        if (query == null || queries.size() >= cap) return;
        String trimmed = query.strip();
        if (trimmed.isEmpty()) return;
        for (String q : queries) if (q.equalsIgnoreCase(trimmed)) return;
        queries.add(trimmed);
    }
}
