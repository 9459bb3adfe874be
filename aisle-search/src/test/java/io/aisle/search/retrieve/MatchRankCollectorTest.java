package io.aisle.search.retrieve;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MatchRankCollectorTest {
    private static final String[] WORDS = {"red", "blue", "green", "laptop", "phone", "case"};

    /** Many small segments, repeated texts (ties) and documents that match without the scoring words. */
    private static Directory index(int docs, long seed) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        Random random = new Random(seed);
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setMaxBufferedDocs(7))) {
            for (int i = 0; i < docs; i++) {
                StringBuilder text = new StringBuilder();
                int n = 1 + random.nextInt(4);
                for (int k = 0; k < n; k++) text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                Document d = new Document();
                d.add(new TextField("text", text.toString(), Field.Store.NO));
                w.addDocument(d);
            }
        }
        return dir;
    }

    @Test void one_pass_gives_the_match_set_and_the_same_head_as_ranking_over_it() throws IOException {
        for (long seed = 1; seed <= 5; seed++) {
            try (Directory dir = index(300, seed); DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query matching = new BooleanQuery.Builder()
                        .add(term("laptop"), BooleanClause.Occur.SHOULD).add(term("case"), BooleanClause.Occur.SHOULD).build();
                Query ranking = new BooleanQuery.Builder()
                        .add(term("laptop"), BooleanClause.Occur.SHOULD).add(term("red"), BooleanClause.Occur.SHOULD).build();
                Query oneCall = new BooleanQuery.Builder().add(matching, BooleanClause.Occur.FILTER)
                        .add(ranking, BooleanClause.Occur.SHOULD).build();

                MatchRankCollector.Result got = searcher.search(oneCall, MatchRankCollector.manager(reader.maxDoc(), 20));

                FixedBitSet expectedMatches = searcher.search(matching, MatchCollector.manager(reader.maxDoc()));
                assertThat(got.matches()).isEqualTo(expectedMatches);
                // What ranking as a second query over the match set returned: only documents the ranking matches.
                Query restricted = new BooleanQuery.Builder().add(ranking, BooleanClause.Occur.MUST)
                        .add(matching, BooleanClause.Occur.FILTER).build();
                ScoreDoc[] expected = searcher.search(restricted, new TopScoreDocCollectorManager(20, Integer.MAX_VALUE)).scoreDocs;
                List<Ranked> want = new ArrayList<>();
                for (ScoreDoc sd : expected) want.add(new Ranked(sd.doc, sd.score));
                assertThat(got.top()).isEqualTo(want);
            }
        }
    }

    @Test void a_match_the_ranking_does_not_reach_joins_the_set_but_not_the_list() throws IOException {
        try (Directory dir = index(100, 9); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query oneCall = new BooleanQuery.Builder().add(term("phone"), BooleanClause.Occur.FILTER)
                    .add(term("absent"), BooleanClause.Occur.SHOULD).build();
            MatchRankCollector.Result got = searcher.search(oneCall, MatchRankCollector.manager(reader.maxDoc(), 10));
            assertThat(got.matches().cardinality()).isEqualTo(searcher.count(term("phone"))).isPositive();
            assertThat(got.top()).isEmpty();
        }
    }

    private static Query term(String word) { return new TermQuery(new Term("text", word)); }
}
