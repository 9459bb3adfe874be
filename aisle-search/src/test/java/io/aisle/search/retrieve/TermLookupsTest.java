package io.aisle.search.retrieve;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TermLookupsTest {
    private static void add(IndexWriter w, String text) throws IOException {
        Document d = new Document();
        d.add(new TextField("text", text, Field.Store.NO));
        w.addDocument(d);
    }

    private static float[] scores(IndexSearcher searcher, Query q) throws IOException {
        TopDocs top = searcher.search(q, 100);
        float[] out = new float[searcher.getIndexReader().maxDoc()];
        Arrays.fill(out, Float.NaN);
        for (var sd : top.scoreDocs) out[sd.doc] = sd.score;
        return out;
    }

    private static Query fuzzy(String word) { return new FuzzyQuery(new Term("text", word), 1); }

    @Test void remembered_lookups_score_as_fresh_ones_and_follow_a_new_reader() throws IOException {
        TermLookups lookups = new TermLookups();
        Term laptop = new Term("text", "laptop");
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            add(w, "laptop bag");
            add(w, "gaming laptop");
            add(w, "phone case");
            w.commit();
            try (DirectoryReader first = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(first);
                lookups.termQueries(searcher).apply(laptop);
                assertThat(searcher.count(lookups.fuzzy(searcher, "phane", 1, fuzzy("phane")))).isEqualTo(1);
                assertThat(scores(searcher, lookups.termQueries(searcher).apply(laptop)))
                        .containsExactly(scores(searcher, new TermQuery(laptop)));
            }
            // More documents: the statistics, and so the scores, change; stale ones must not be used.
            add(w, "laptop stand");
            add(w, "laptop");
            add(w, "shane");
            w.commit();
            try (DirectoryReader second = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(second);
                float[] fresh = scores(searcher, new TermQuery(laptop));
                assertThat(scores(searcher, lookups.termQueries(searcher).apply(laptop))).containsExactly(fresh);
                assertThat(Arrays.stream(new int[] {3, 4}).mapToDouble(d -> fresh[d])).allMatch(s -> s > 0);
                // The expansion of the new reader also reaches the word only it holds.
                assertThat(searcher.count(lookups.fuzzy(searcher, "phane", 1, fuzzy("phane")))).isEqualTo(2);
            }
        }
    }
}
