package io.aisle.search;

import io.aisle.search.index.PerReader;
import io.aisle.search.index.SearchFields;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored id, title, brand and price of documents shown as hits, kept while the index reader stays the same:
 * reading them decompresses a block of stored fields per hit, and the same products come up in many searches. A
 * search on a newer reader starts a new generation. Thread-safe; bounded (past {@link #MAX_ENTRIES} a generation
 * starts over rather than tracking recency).
 */
final class StoredHits {
    private static final int MAX_ENTRIES = 20_000;
    private static final Set<String> FIELDS = Set.of(SearchFields.ID, SearchFields.TITLE, SearchFields.BRAND, SearchFields.PRICE_STORED);

    /** What a hit shows of a product, as stored; {@code brand} is null when the product has none. */
    record Stored(String id, String title, String brand, String price) {}

    /** Stored fields read from one reader. */

    private final PerReader<Map<Integer, Stored>> cache = new PerReader<>(ConcurrentHashMap::new);

    /** The stored fields of each of {@code docs}, in order. */
    List<Stored> read(IndexSearcher searcher, List<Integer> docs) {
        Map<Integer, Stored> g = cache.of(searcher);
        List<Stored> out = new ArrayList<>(docs.size());
        try {
            StoredFields fields = null;
            for (int doc : docs) {
                Stored s = g == null ? null : g.get(doc);
                if (s == null) {
                    if (fields == null) fields = searcher.storedFields();
                    Document d = fields.document(doc, FIELDS);
                    s = new Stored(d.get(SearchFields.ID), d.get(SearchFields.TITLE), d.get(SearchFields.BRAND),
                            d.get(SearchFields.PRICE_STORED));
                    if (g != null) {
                        if (g.size() >= MAX_ENTRIES) g.clear();
                        g.putIfAbsent(doc, s);
                    }
                }
                out.add(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
