package io.aisle.search;

import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.search.HitExplanation;
import io.aisle.core.search.SearchHit;
import io.aisle.search.retrieve.Evidence;
import io.aisle.search.retrieve.Fused;
import org.apache.lucene.search.IndexSearcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the documents of a page into hits: stored title, brand and price ({@link StoredHits}), and the explanation of each. */
final class HitAssembler {
    private HitAssembler() {}

    static List<SearchHit> hits(IndexSearcher searcher, StoredHits storedHits, List<Scored> page,
                                Map<Integer, Evidence> evidence, Map<Integer, Fused> fused) {
        List<StoredHits.Stored> stored = storedHits.read(searcher, page.stream().map(Scored::doc).toList());
        List<SearchHit> out = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            Scored s = page.get(i);
            StoredHits.Stored d = stored.get(i);
            Evidence e = evidence.get(s.doc());
            out.add(new SearchHit(ProductId.of(d.id()), d.title(), d.brand(), money(d.price()), e.features().inStock() == 1,
                    s.score(), explanation(s, e, fused.get(s.doc()))));
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
