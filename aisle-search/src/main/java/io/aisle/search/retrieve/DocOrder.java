package io.aisle.search.retrieve;

import io.aisle.core.search.SearchSort;
import io.aisle.search.index.SearchFields;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.NumericUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Orders a set of matches by price or popularity, keeping only the first {@code n}: one pass over the matches. */
public final class DocOrder {
    private DocOrder() {}

    /** The best {@code n} of {@code docs} under {@code sort} (not RELEVANCE), with the sort value as score. */
    public static List<Ranked> top(IndexSearcher searcher, FixedBitSet docs, SearchSort sort, int n) {
        if (sort == SearchSort.RELEVANCE) throw new IllegalArgumentException("relevance is not a doc-values order");
        double sign = sort == SearchSort.PRICE_ASC ? 1 : -1;
        // Worst kept entry on top: greatest key, then greatest doc id.
        Comparator<Ranked> keep = Comparator.<Ranked>comparingDouble(r -> sign * r.score()).thenComparingInt(Ranked::doc);
        PriorityQueue<Ranked> heap = new PriorityQueue<>(Math.max(1, n), keep.reversed());
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                int base = leaf.docBase;
                int end = base + leaf.reader().maxDoc();
                Values values = values(leaf, sort);
                for (int d = nextSetBit(docs, base); d < end; d = nextSetBit(docs, d + 1)) {
                    Ranked r = new Ranked(d, (float) values.get(d - base));
                    if (heap.size() < n) heap.add(r);
                    else if (n > 0 && keep.compare(r, heap.peek()) < 0) {
                        heap.poll();
                        heap.add(r);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Ranked> out = new ArrayList<>(heap);
        out.sort(keep);
        return out;
    }

    /** The next set bit at or after {@code from}, or {@link Integer#MAX_VALUE} when none. */
    static int nextSetBit(FixedBitSet bits, int from) {
        return from >= bits.length() ? Integer.MAX_VALUE : bits.nextSetBit(from);
    }

    private interface Values { double get(int doc) throws IOException; }

    private static Values values(LeafReaderContext leaf, SearchSort sort) throws IOException {
        if (sort == SearchSort.POPULARITY) {
            NumericDocValues pop = DocValues.getNumeric(leaf.reader(), SearchFields.POPULARITY);
            return doc -> pop.advanceExact(doc) ? NumericUtils.sortableLongToDouble(pop.longValue()) : Double.NEGATIVE_INFINITY;
        }
        SortedNumericDocValues price = DocValues.getSortedNumeric(leaf.reader(), SearchFields.PRICE);
        double missing = sort == SearchSort.PRICE_ASC ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        return doc -> price.advanceExact(doc) ? NumericUtils.sortableLongToDouble(price.nextValue()) : missing;
    }
}
