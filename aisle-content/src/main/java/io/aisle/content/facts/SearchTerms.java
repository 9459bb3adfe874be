package io.aisle.content.facts;

import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.port.EventLog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search queries shoppers typed, counted from the event log: where SEO keywords come from when a store has
 * traffic. Queries are lower-cased and trimmed; only queries seen at least {@code minCount} times are kept.
 */
public final class SearchTerms {
    private final Map<String, Integer> counts;

    public SearchTerms(Map<String, Integer> counts) { this.counts = Map.copyOf(counts); }

    public static SearchTerms none() { return new SearchTerms(Map.of()); }

    /** Counts every {@code search} event's query in the log (up to {@code maxEvents}, oldest first). */
    public static SearchTerms fromLog(EventLog log, int maxEvents, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        long after = 0;
        int read = 0;
        while (read < maxEvents) {
            List<LoggedEvent> page = log.readAfter(after, Math.min(5000, maxEvents - read));
            if (page.isEmpty()) break;
            for (LoggedEvent e : page) {
                if (e.event().name() == EventName.SEARCH && e.event().query() != null) {
                    String q = e.event().query().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                    if (!q.isEmpty() && q.length() <= 60) counts.merge(q, 1, Integer::sum);
                }
            }
            after = page.get(page.size() - 1).offset();
            read += page.size();
        }
        counts.values().removeIf(c -> c < minCount);
        return new SearchTerms(counts);
    }

    /**
     * The queries whose every word appears in {@code supportText} (so the keyword claims nothing the product lacks)
     * and that share a word with {@code name}, most searched first.
     */
    public List<String> matching(String supportText, String name, int max) {
        String name2 = name.toLowerCase(Locale.ROOT);
        List<Map.Entry<String, Integer>> hits = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String[] words = e.getKey().split(" ");
            boolean all = true;
            boolean shares = false;
            for (String w : words) {
                if (!supportText.contains(w)) all = false;
                if (w.length() > 2 && name2.contains(w)) shares = true;
            }
            if (all && shares) hits.add(e);
        }
        hits.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return hits.stream().limit(max).map(Map.Entry::getKey).toList();
    }

    public int size() { return counts.size(); }
}
