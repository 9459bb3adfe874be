package io.aisle.search;

import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.search.HitExplanation;
import io.aisle.core.search.SearchHit;
import io.aisle.search.index.SearchFields;
import io.aisle.search.retrieve.Evidence;
import io.aisle.search.retrieve.Fused;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the documents of a page into hits: stored title, brand and price, and the explanation of each. */
final class HitAssembler {
    private static final Set<String> STORED = Set.of(SearchFields.ID, SearchFields.TITLE, SearchFields.BRAND, SearchFields.PRICE_STORED);

    private HitAssembler() {}

    static List<SearchHit> hits(IndexSearcher searcher, List<Scored> page, Map<Integer, Evidence> evidence,
                                Map<Integer, Fused> fused) {
        List<SearchHit> out = new ArrayList<>(page.size());
        try {
            StoredFields stored = searcher.storedFields();
            for (Scored s : page) {
                Document d = stored.document(s.doc(), STORED);
                Evidence e = evidence.get(s.doc());
                out.add(new SearchHit(ProductId.of(d.get(SearchFields.ID)), d.get(SearchFields.TITLE), d.get(SearchFields.BRAND),
                        money(d.get(SearchFields.PRICE_STORED)), e.features().inStock() == 1, s.score(),
                        explanation(s, e, fused.get(s.doc()))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static HitExplanation explanation(Scored s, Evidence e, Fused f) {
        boolean lexical = f != null && f.lexicalRank() > 0;
        boolean vector = f != null && f.vectorRank() > 0;
        double similarity = vector ? f.similarity() : e.features().vectorSimilarity();
        return new HitExplanation(e.matchedTerms(),
                lexical ? f.lexicalRank() : null,
                lexical && !Float.isNaN(f.lexicalScore()) ? (double) f.lexicalScore() : null,
                vector ? f.vectorRank() : null,
                Double.isFinite(similarity) ? similarity : null,
                e.constraintsMet(), s.rerank(), s.boost());
    }

    /** Prices are stored as "amount currency" ({@link Money#toString()}). */
    private static Money money(String stored) {
        int cut = stored.lastIndexOf(' ');
        return Money.of(stored.substring(0, cut), stored.substring(cut + 1));
    }
}
