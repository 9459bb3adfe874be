package io.aisle.recommend.retrieval;

import java.util.function.IntPredicate;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Matches the live documents whose item passes a predicate, so the HNSW search only visits allowed items (Lucene
 * switches to exact search when few pass). The item of each document comes from the searcher's doc-to-item map.
 */
final class ItemFilterQuery extends Query {
    private final int[] docItems;
    private final IntPredicate allowed;

    ItemFilterQuery(int[] docItems, IntPredicate allowed) {
        this.docItems = docItems;
        this.allowed = allowed;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                int maxDoc = context.reader().maxDoc();
                Bits live = context.reader().getLiveDocs();
                FixedBitSet matches = new FixedBitSet(Math.max(1, maxDoc));
                int count = 0;
                for (int doc = 0; doc < maxDoc; doc++) {
                    if ((live == null || live.get(doc)) && allowed.test(docItems[context.docBase + doc])) {
                        matches.set(doc);
                        count++;
                    }
                }
                if (count == 0) return null;
                return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, new BitSetIterator(matches, count)));
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false; // the predicate is opaque and changes per query
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "ItemFilter(" + allowed + ")";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
