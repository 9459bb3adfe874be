package io.aisle.search.query;

import io.aisle.core.port.Embedder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vectors of catalogue strings (category labels, "name: value" strings), each embedded once, and of recent query
 * phrases (a small LRU), over an {@link Embedder}.
 */
final class VectorCache {
    private static final int QUERY_CACHE = 1024;

    private final Embedder embedder;
    private final ConcurrentHashMap<String, float[]> catalogue = new ConcurrentHashMap<>();
    private final Map<String, float[]> queries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) { return size() > QUERY_CACHE; }
    };

    VectorCache(Embedder embedder) { this.embedder = embedder; }

    /** The cached vector of a catalogue string, or null when not embedded yet. */
    float[] cached(String text) { return catalogue.get(text); }

    /**
     * Embeds up to {@code limit} of {@code texts} not cached yet (in one batch) and returns how many it embedded.
     * Blank texts are skipped: the embedder refuses them.
     */
    int ensure(Collection<String> texts, int limit) {
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            if (missing.size() >= limit) break;
            if (!t.isBlank() && !catalogue.containsKey(t)) missing.add(t);
        }
        if (missing.isEmpty()) return 0;
        List<float[]> vectors = embedder.embedAll(missing);
        for (int i = 0; i < missing.size(); i++) catalogue.putIfAbsent(missing.get(i), vectors.get(i));
        return missing.size();
    }

    /** Drops cached catalogue strings no longer in use, once the cache has grown well past what is in use. */
    void prune(java.util.Set<String> live) {
        if (catalogue.size() > 2 * live.size() + 1024) catalogue.keySet().retainAll(live);
    }

    /** The vector of a query phrase (cached); null for blank text. */
    float[] query(String text) {
        if (text == null || text.isBlank()) return null;
        synchronized (queries) {
            float[] v = queries.get(text);
            if (v != null) return v;
        }
        float[] v = embedder.embed(text);
        synchronized (queries) {
            queries.put(text, v);
        }
        return v;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) s += (double) a[i] * b[i];
        return s;
    }
}
