package io.aisle.search.retrieve;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One pass over the matches of a query for both outputs of lexical retrieval: every match into a bit set (facets,
 * totals) and the best {@code depth} by score, ties to the lower doc id as Lucene's top-score collector breaks them.
 * Matches scoring 0 (in the match set only through clauses that do not score) join the set, not the list. The heap
 * lives in two flat arrays, so collecting allocates nothing per hit.
 */
final class MatchRankCollector implements Collector {
    /** Every match and the best of them, best first. */
    record Result(FixedBitSet matches, List<Ranked> top) {}

    private final FixedBitSet matches;
    private final int depth;
    /** Min-heap on (score, then higher doc worse): the root is the weakest of the best. */
    private final float[] scores;
    private final int[] docs;
    private int size;

    private MatchRankCollector(int maxDoc, int depth) {
        this.matches = new FixedBitSet(Math.max(1, maxDoc));
        this.depth = depth;
        this.scores = new float[depth];
        this.docs = new int[depth];
    }

    static CollectorManager<MatchRankCollector, Result> manager(int maxDoc, int depth) {
        if (depth < 1) throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        return new CollectorManager<>() {
            @Override public MatchRankCollector newCollector() { return new MatchRankCollector(maxDoc, depth); }

            @Override public Result reduce(Collection<MatchRankCollector> collectors) {
                FixedBitSet all = new FixedBitSet(Math.max(1, maxDoc));
                List<Ranked> top = new ArrayList<>();
                for (MatchRankCollector c : collectors) {
                    all.or(c.matches);
                    for (int i = 0; i < c.size; i++) top.add(new Ranked(c.docs[i], c.scores[i]));
                }
                top.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score()) : Integer.compare(a.doc(), b.doc()));
                return new Result(all, top.size() <= depth ? top : List.copyOf(top.subList(0, depth)));
            }
        };
    }

    @Override public ScoreMode scoreMode() { return ScoreMode.COMPLETE; }

    @Override public LeafCollector getLeafCollector(LeafReaderContext context) {
        int base = context.docBase;
        return new LeafCollector() {
            private Scorable scorer;

            @Override public void setScorer(Scorable scorer) { this.scorer = scorer; }

            @Override public void collect(int doc) throws IOException {
                matches.set(base + doc);
                float score = scorer.score();
                if (score > 0) offer(score, base + doc);
            }
        };
    }

    private void offer(float score, int doc) {
        if (size < depth) {
            scores[size] = score;
            docs[size] = doc;
            up(size++);
        } else if (better(score, doc, scores[0], docs[0])) {
            scores[0] = score;
            docs[0] = doc;
            down(0);
        }
    }

    private static boolean better(float score, int doc, float otherScore, int otherDoc) {
        return score > otherScore || (score == otherScore && doc < otherDoc);
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(scores[parent], docs[parent], scores[i], docs[i])) break;
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) return;
            int worst = left;
            int right = left + 1;
            if (right < size && better(scores[left], docs[left], scores[right], docs[right])) worst = right;
            if (!better(scores[i], docs[i], scores[worst], docs[worst])) return;
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int d = docs[a];
        docs[a] = docs[b];
        docs[b] = d;
    }
}
