package io.aisle.search.retrieve;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

import java.util.Collection;

/** Collects every matching document into a bit set, without scoring: for facets and totals. */
final class MatchCollector implements Collector {
    private final FixedBitSet matches;

    private MatchCollector(int maxDoc) { this.matches = new FixedBitSet(Math.max(1, maxDoc)); }

    static CollectorManager<MatchCollector, FixedBitSet> manager(int maxDoc) {
        return new CollectorManager<>() {
            @Override public MatchCollector newCollector() { return new MatchCollector(maxDoc); }

            @Override public FixedBitSet reduce(Collection<MatchCollector> collectors) {
                FixedBitSet all = new FixedBitSet(Math.max(1, maxDoc));
                for (MatchCollector c : collectors) all.or(c.matches);
                return all;
            }
        };
    }

    @Override public ScoreMode scoreMode() { return ScoreMode.COMPLETE_NO_SCORES; }

    @Override public LeafCollector getLeafCollector(LeafReaderContext context) {
        int base = context.docBase;
        return new LeafCollector() {
            @Override public void setScorer(Scorable scorer) {}

            @Override public void collect(int doc) { matches.set(base + doc); }
        };
    }
}
