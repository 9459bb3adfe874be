package io.aisle.search.support;

import io.aisle.core.catalog.Product;
import io.aisle.core.port.Embedder;
import io.aisle.embeddings.text.ProductText;
import io.aisle.search.CandidateScorer;
import io.aisle.search.ItemSignals;
import io.aisle.search.PersonalAffinity;
import io.aisle.search.SearchEngine;
import io.aisle.search.SearchSettings;
import io.aisle.search.index.Analyzers;
import io.aisle.search.index.MemoryDirectory;
import io.aisle.search.index.ProductIndex;
import io.aisle.search.query.QueryUnderstanding;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** An in-memory index and engine over a list of products, closed with the test. */
public final class TestEngine implements AutoCloseable {
    public final ProductIndex index;
    public final SearchEngine engine;

    private TestEngine(ProductIndex index, SearchEngine engine) {
        this.index = index;
        this.engine = engine;
    }

    /** Lexical only, plain-text query understanding. */
    public static TestEngine lexical(List<Product> products) {
        return builder(products).build();
    }

    public static Builder builder(List<Product> products) { return new Builder(products); }

    @Override public void close() { index.close(); }

    /** Options for a test engine; each defaults to "none". */
    public static final class Builder {
        private final List<Product> products;
        private QueryUnderstanding understanding = SimpleUnderstanding.plain();
        private Embedder embedder;
        private CandidateScorer scorer;
        private ItemSignals signals;
        private PersonalAffinity affinity;
        private ToDoubleFunction<Product> popularity = p -> 0;
        private SearchSettings settings = SearchSettings.defaults();

        private Builder(List<Product> products) { this.products = products; }

        public Builder understanding(QueryUnderstanding u) { understanding = u; return this; }

        /** Products get the embedder's vector of their {@link ProductText}, and queries are embedded too. */
        public Builder embedder(Embedder e) { embedder = e; return this; }

        public Builder scorer(CandidateScorer s) { scorer = s; return this; }

        public Builder signals(ItemSignals s) { signals = s; return this; }

        public Builder affinity(PersonalAffinity a) { affinity = a; return this; }

        public Builder popularity(ToDoubleFunction<Product> p) { popularity = p; return this; }

        public Builder settings(SearchSettings s) { settings = s; return this; }

        public TestEngine build() {
            ProductText text = ProductText.defaults();
            Embedder e = embedder;
            ProductIndex index = ProductIndex.open(MemoryDirectory.create(), Analyzers.standard(),
                    p -> e == null ? null : e.embed(text.of(p)), popularity);
            index.rebuild(products);
            return new TestEngine(index, new SearchEngine(index, understanding, embedder, scorer, signals, affinity, settings));
        }
    }
}
