package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.port.EventLog;
import io.aisle.recommend.data.Sequences;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Each shopper's (or device's) item history in time order, read from the event log: product views, list clicks,
 * add-to-carts and purchases, with an item repeated back to back (viewed, then added) kept once. This is the
 * training data of the served sequence model, in the same form the offline benchmark reads from files.
 *
 * @param logOffset the last log offset read
 */
public record ShopperSequences(Sequences sequences, ItemVocabulary vocabulary, long logOffset, long events) {

    private static final int PAGE = 10_000;

    /**
     * Reads the whole log; actors with fewer than {@code minItems} items are left out (nothing to learn from them).
     *
     * @throws IllegalStateException when the log holds no item event at all
     */
    public static ShopperSequences read(EventLog log, int minItems, Consumer<String> progress) {
        if (minItems < 1) throw new IllegalArgumentException("minItems must be at least 1, got " + minItems);
        Map<String, List<Step>> byActor = new LinkedHashMap<>();
        Map<ProductId, Integer> index = new HashMap<>();
        List<ProductId> ids = new ArrayList<>();
        long offset = 0, events = 0, nextReport = 1_000_000;
        while (true) {
            List<LoggedEvent> page = log.readAfter(offset, PAGE);
            if (page.isEmpty()) break;
            for (LoggedEvent logged : page) {
                offset = logged.offset();
                events++;
                if (!counts(logged.event().name())) continue;
                List<Step> steps = byActor.computeIfAbsent(logged.event().actor().key(), k -> new ArrayList<>());
                for (EventItem item : logged.event().items()) {
                    int i = index.computeIfAbsent(item.itemId(), id -> {
                        ids.add(id);
                        return ids.size() - 1;
                    });
                    steps.add(new Step(logged.event().timestamp(), steps.size(), i));
                }
            }
            if (events >= nextReport) {
                progress.accept("read " + events + " events");
                nextReport += 1_000_000;
            }
        }
        if (ids.isEmpty()) throw new IllegalStateException("the event log holds no product views, carts or purchases to learn from");
        List<int[]> histories = new ArrayList<>();
        for (List<Step> steps : byActor.values()) {
            // Log order is arrival order; a storefront may send late, so order by the event's own time (stable).
            steps.sort(java.util.Comparator.comparing(Step::at).thenComparingInt(Step::seq));
            int[] h = new int[steps.size()];
            int n = 0;
            for (Step s : steps) if (n == 0 || h[n - 1] != s.item()) h[n++] = s.item();
            if (n >= minItems) histories.add(java.util.Arrays.copyOf(h, n));
        }
        return new ShopperSequences(new Sequences(histories.toArray(int[][]::new), ids.size()), new ItemVocabulary(ids),
                offset, events);
    }

    private static boolean counts(EventName name) {
        return switch (name) {
            case VIEW_ITEM, SELECT_ITEM, ADD_TO_CART, PURCHASE -> true;
            default -> false;
        };
    }

    private record Step(Instant at, int seq, int item) {}
}
