package io.aisle.search;

/**
 * Tuning of the search pipeline.
 *
 * @param lexicalDepth     BM25 results taken into fusion
 * @param vectorDepth      nearest neighbours taken into fusion
 * @param rrfK             reciprocal-rank-fusion constant
 * @param minSimilarity    neighbours below this cosine similarity are not results
 * @param similarityMargin neighbours further than this below the best neighbour are not results
 * @param rerankDepth      fused candidates the {@link CandidateScorer} re-orders
 * @param personalWeight   weight of the shopper's affinity against the (0..1 normalised) relevance score
 * @param fewResults       below this many lexical matches a spelling correction is tried
 */
public record SearchSettings(int lexicalDepth, int vectorDepth, int rrfK, double minSimilarity, double similarityMargin,
                             int rerankDepth, double personalWeight, int fewResults) {
    public SearchSettings {
        if (lexicalDepth < 1 || lexicalDepth > 1_000) throw new IllegalArgumentException("lexicalDepth must be 1..1000, got " + lexicalDepth);
        if (vectorDepth < 1 || vectorDepth > 1_000) throw new IllegalArgumentException("vectorDepth must be 1..1000, got " + vectorDepth);
        if (rrfK < 1) throw new IllegalArgumentException("rrfK must be at least 1, got " + rrfK);
        if (!(minSimilarity >= -1 && minSimilarity <= 1)) throw new IllegalArgumentException("minSimilarity must be -1..1, got " + minSimilarity);
        if (!(similarityMargin >= 0)) throw new IllegalArgumentException("similarityMargin must be >= 0, got " + similarityMargin);
        if (rerankDepth < 0 || rerankDepth > 1_000) throw new IllegalArgumentException("rerankDepth must be 0..1000, got " + rerankDepth);
        if (!(personalWeight >= 0 && personalWeight <= 1)) throw new IllegalArgumentException("personalWeight must be 0..1, got " + personalWeight);
        if (fewResults < 0) throw new IllegalArgumentException("fewResults must not be negative, got " + fewResults);
    }

    public static SearchSettings defaults() { return new SearchSettings(100, 100, 60, 0.2, 0.15, 100, 0.15, 3); }
}
