package io.aisle.search.retrieve;

import org.apache.lucene.util.FixedBitSet;

import java.util.List;

/**
 * What the retrievers found for one query in one searcher.
 *
 * @param lexical      BM25 top list (by popularity when the query has no words)
 * @param lexicalTotal how many products the lexical query matched
 * @param vector       nearest neighbours above the similarity floor
 * @param fused        both lists fused, best first
 * @param matches      every match: the lexical matches and the vector list
 */
public record Retrieval(List<Ranked> lexical, long lexicalTotal, List<Ranked> vector, List<Fused> fused,
                        FixedBitSet matches) {
    public Retrieval {
        lexical = List.copyOf(lexical);
        vector = List.copyOf(vector);
        fused = List.copyOf(fused);
    }

    public long total() { return matches.cardinality(); }

    public boolean isEmpty() { return fused.isEmpty(); }
}
