package io.aisle.bench.search;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain baseline every search claim is measured against: Lucene BM25 (k1 1.2, b 0.75) over lower-cased
 * standard tokens of title, brand and description in one field, no stemming, synonyms, boosts or vectors.
 */
final class Bm25Baseline implements AutoCloseable {
    private static final String ID = "id";
    private static final String TEXT = "text";

    private final Analyzer analyzer = new Analyzer() {
        @Override protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    };
    private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    Bm25Baseline(List<Product> products) {
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity(1.2f, 0.75f));
        try (IndexWriter w = new IndexWriter(dir, cfg)) {
            for (Product p : products) {
                Document d = new Document();
                d.add(new StringField(ID, p.id().value(), Field.Store.YES));
                d.add(new TextField(TEXT, p.title() + " " + (p.brand() == null ? "" : p.brand()) + " " + p.description(), Field.Store.NO));
                w.addDocument(d);
            }
            w.commit();
            reader = DirectoryReader.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity(1.2f, 0.75f));
    }

    /** The top {@code k} product ids for {@code query}, best first. */
    List<ProductId> search(String query, int k) {
        try {
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            try (TokenStream ts = analyzer.tokenStream(TEXT, query)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) q.add(new TermQuery(new Term(TEXT, term.toString())), BooleanClause.Occur.SHOULD);
                ts.end();
            }
            StoredFields stored = searcher.storedFields();
            List<ProductId> out = new ArrayList<>(k);
            for (ScoreDoc sd : searcher.search(q.build(), k).scoreDocs) out.add(ProductId.of(stored.document(sd.doc).get(ID)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void close() {
        try {
            reader.close();
            dir.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
