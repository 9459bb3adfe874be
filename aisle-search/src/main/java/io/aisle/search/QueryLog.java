package io.aisle.search;

import io.aisle.core.search.Suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Past searches that found something, counted, for autocomplete. Bounded: once full, new queries are not added
 * (the frequent ones are in by then). Thread-safe.
 */
final class QueryLog {
    private static final int MAX_QUERY_CHARS = 100;
    /** Prefix matches looked at per completion: a one-letter prefix must not scan the whole log. */
    private static final int MAX_SCAN = 2_000;
    /**
     * A past search is suggested only once it was made this often: one shopper's one-off query (which may hold a
     * name or an order number) never reaches other shoppers' autocomplete.
     */
    static final int MIN_SEARCHES = 2;

    private final int capacity;
    private final ConcurrentSkipListMap<String, LongAdder> counts = new ConcurrentSkipListMap<>();

    QueryLog(int capacity) { this.capacity = capacity; }

    void record(String query, long results) {
        if (query == null || results <= 0) return;
        String key = normalise(query);
        if (key.isEmpty() || key.length() > MAX_QUERY_CHARS) return;
        LongAdder n = counts.get(key);
        if (n == null) {
            if (counts.size() >= capacity) return;
            n = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        n.increment();
    }

    /** Forgets every search, before the history is replayed from the start. */
    void clear() { counts.clear(); }

    /** Past searches starting with {@code prefix}, most frequent first. */
    List<Suggestion> complete(String prefix, int limit) {
        String p = normalise(prefix);
        List<Map.Entry<String, Long>> found = new ArrayList<>();
        int scanned = 0;
        for (Map.Entry<String, LongAdder> e : counts.tailMap(p, true).entrySet()) {
            if (!e.getKey().startsWith(p) || ++scanned > MAX_SCAN) break;
            long n = e.getValue().sum();
            if (n >= MIN_SEARCHES) found.add(Map.entry(e.getKey(), n));
        }
        found.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return found.stream().limit(limit)
                .map(e -> new Suggestion(e.getKey(), Suggestion.Source.QUERY, e.getValue()))
                .toList();
    }

    static String normalise(String text) { return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT); }

}
