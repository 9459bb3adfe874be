package io.aisle.search.retrieve;

import io.aisle.search.index.SearchFields;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.NumericUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Per-document values of a few candidates (sorted doc ids), read from doc values: id, brand, price, stock, title
 * length, indexed popularity and, when asked, the content vector (null when the product has none).
 */
public final class DocFacts {
    public final String[] ids;
    public final String[] brands;
    public final double[] prices;
    public final long[] stock;
    public final int[] titleTerms;
    public final double[] popularity;
    public final float[][] vectors;

    private DocFacts(int n) {
        ids = new String[n];
        brands = new String[n];
        prices = new double[n];
        stock = new long[n];
        titleTerms = new int[n];
        popularity = new double[n];
        vectors = new float[n][];
        Arrays.fill(prices, Double.NaN);
    }

    public static DocFacts read(IndexSearcher searcher, int[] docs, boolean withVectors) {
        DocFacts f = new DocFacts(docs.length);
        try {
            int i = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                int end = leaf.docBase + leaf.reader().maxDoc();
                int from = i;
                while (i < docs.length && docs[i] < end) i++;
                if (from < i) f.readLeaf(leaf, docs, from, i, withVectors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    private void readLeaf(LeafReaderContext leaf, int[] docs, int from, int to, boolean withVectors) throws IOException {
        LeafReader r = leaf.reader();
        SortedSetDocValues id = DocValues.getSortedSet(r, SearchFields.ID);
        SortedSetDocValues brand = DocValues.getSortedSet(r, SearchFields.FACET_BRAND);
        SortedNumericDocValues price = DocValues.getSortedNumeric(r, SearchFields.PRICE);
        SortedNumericDocValues stockValues = DocValues.getSortedNumeric(r, SearchFields.STOCK);
        NumericDocValues title = DocValues.getNumeric(r, SearchFields.TITLE_TERMS);
        NumericDocValues pop = DocValues.getNumeric(r, SearchFields.POPULARITY);
        FloatVectorValues vectorValues = withVectors ? r.getFloatVectorValues(SearchFields.VECTOR) : null;
        KnnVectorValues.DocIndexIterator vectorDocs = vectorValues == null ? null : vectorValues.iterator();
        for (int k = from; k < to; k++) {
            int doc = docs[k] - leaf.docBase;
            if (id.advanceExact(doc)) ids[k] = id.lookupOrd(id.nextOrd()).utf8ToString();
            if (brand.advanceExact(doc)) brands[k] = brand.lookupOrd(brand.nextOrd()).utf8ToString();
            if (price.advanceExact(doc)) prices[k] = NumericUtils.sortableLongToDouble(price.nextValue());
            if (stockValues.advanceExact(doc)) stock[k] = stockValues.nextValue();
            if (title.advanceExact(doc)) titleTerms[k] = (int) title.longValue();
            if (pop.advanceExact(doc)) popularity[k] = NumericUtils.sortableLongToDouble(pop.longValue());
            if (vectorDocs != null) {
                if (vectorDocs.docID() < doc) vectorDocs.advance(doc);
                if (vectorDocs.docID() == doc) vectors[k] = vectorValues.vectorValue(vectorDocs.index()).clone();
            }
        }
    }
}
