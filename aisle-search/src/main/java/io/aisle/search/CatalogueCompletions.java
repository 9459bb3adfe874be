package io.aisle.search;

import io.aisle.core.search.Suggestion;
import io.aisle.search.index.SearchFields;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Completions from the catalogue: brands, leaf categories and titles starting with the prefix, read as a prefix range
 * of sorted keyword terms ("lower-cased\0display"), weighted by how many products carry them.
 */
final class CatalogueCompletions {
    private static final int MAX_SCAN = 500;

    private CatalogueCompletions() {}

    static List<Suggestion> complete(IndexSearcher searcher, String prefix, int limit) {
        String p = prefix.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        List<Suggestion> out = new ArrayList<>();
        out.addAll(field(searcher, SearchFields.SUGGEST_BRAND, Suggestion.Source.BRAND, p, limit));
        out.addAll(field(searcher, SearchFields.SUGGEST_CATEGORY, Suggestion.Source.CATEGORY, p, limit));
        out.addAll(field(searcher, SearchFields.SUGGEST_TITLE, Suggestion.Source.PRODUCT, p, limit));
        return out;
    }

    private static List<Suggestion> field(IndexSearcher searcher, String field, Suggestion.Source source, String prefix,
                                          int limit) {
        Map<String, Long> weights = new HashMap<>();
        BytesRef start = new BytesRef(prefix);
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) continue;
                TermsEnum te = terms.iterator();
                if (te.seekCeil(start) == TermsEnum.SeekStatus.END) continue;
                Bits live = leaf.reader().getLiveDocs();
                PostingsEnum postings = null;
                int scanned = 0;
                for (BytesRef t = te.term(); t != null && StringHelper.startsWith(t, start) && scanned++ < MAX_SCAN; t = te.next()) {
                    String term = t.utf8ToString();
                    int cut = term.indexOf('\u0000');
                    if (cut < 0) continue;
                    // Terms of deleted products stay until segments merge: count live products only.
                    postings = te.postings(postings, PostingsEnum.NONE);
                    long n = 0;
                    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                        if (live == null || live.get(d)) n++;
                    }
                    if (n > 0) weights.merge(term.substring(cut + 1), n, Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return weights.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new Suggestion(e.getKey(), source, e.getValue()))
                .toList();
    }
}
