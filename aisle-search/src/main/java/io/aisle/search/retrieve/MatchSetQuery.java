package io.aisle.search.retrieve;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of a match set already computed against the same searcher, as a filter: ranking then scores only
 * matches, without evaluating the match conditions again. Valid only with the searcher the set came from.
 */
final class MatchSetQuery extends Query {
    private final FixedBitSet matches;
    private final long cardinality;

    MatchSetQuery(FixedBitSet matches) {
        this.matches = matches;
        this.cardinality = matches.cardinality();
    }

    @Override public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override public ScorerSupplier scorerSupplier(LeafReaderContext context) {
                int base = context.docBase;
                int end = base + context.reader().maxDoc();
                if (DocOrder.nextSetBit(matches, base) >= end) return null;
                float score = score();
                return new ScorerSupplier() {
                    @Override public ConstantScoreScorer get(long leadCost) {
                        return new ConstantScoreScorer(score, scoreMode, new LeafIterator(base, end));
                    }

                    @Override public long cost() { return cardinality; }
                };
            }

            @Override public boolean isCacheable(LeafReaderContext ctx) { return false; }
        };
    }

    /** The set's documents in one segment, read straight from the shared bit set. */
    private final class LeafIterator extends DocIdSetIterator {
        private final int base;
        private final int end;
        private int doc = -1;

        LeafIterator(int base, int end) {
            this.base = base;
            this.end = end;
        }

        @Override public int docID() { return doc; }

        @Override public int nextDoc() { return advance(doc + 1); }

        @Override public int advance(int target) {
            if (target >= end - base) return doc = NO_MORE_DOCS;
            int next = DocOrder.nextSetBit(matches, base + target);
            doc = next >= end ? NO_MORE_DOCS : next - base;
            return doc;
        }

        @Override public long cost() { return cardinality; }
    }

    @Override public void visit(QueryVisitor visitor) { visitor.visitLeaf(this); }

    @Override public String toString(String field) { return "MatchSet(" + cardinality + ")"; }

    @Override public boolean equals(Object other) { return this == other; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
