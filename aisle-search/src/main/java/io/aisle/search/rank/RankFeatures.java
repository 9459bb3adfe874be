package io.aisle.search.rank;

import java.util.List;

/**
 * What the learned re-ranker sees of one (query, product) pair. {@code NaN} means "does not apply or unknown" (no
 * brand in the query, no popularity yet); the tree model learns its own default direction for missing values.
 * The order of {@link #NAMES} is the order of {@link #toArray()} and is part of a trained model's identity.
 *
 * @param bm25Title ... bm25All   BM25 score of the query's terms in each field (0 when nothing matched)
 * @param lexicalRank             1 / rank in the lexical retriever, 0 when it did not return the product
 * @param vectorRank              1 / rank in the vector retriever, 0 when it did not return the product
 * @param vectorSimilarity        cosine similarity of query and product vectors
 * @param fused                   the reciprocal-rank-fusion score
 * @param termCoverage            fraction of query terms found in any field
 * @param titleCoverage           fraction of query terms found in the title
 * @param titlePhrase             1 when the query's terms occur in the title in order and adjacent, else 0
 * @param brandMatch              1 when the product's brand is one the query names, 0 when another; NaN when none named
 * @param categoryMatch           confidence of the product's category among the query's category intents; NaN when none
 * @param attributeMatch          fraction of the query's attribute constraints the product meets; NaN when none
 * @param numericMatch            fraction of the query's numeric constraints the product meets; NaN when none
 * @param queryTerms              number of query terms
 * @param titleTerms              number of title terms
 * @param popularity              log(1 + views in 30 days); NaN when unknown
 * @param conversion              purchases / views over 30 days; NaN when unknown
 * @param priceFit                1 inside the query's price range, falling off outside; NaN when no range
 * @param inStock                 1 in stock, 0 not; NaN when unknown
 */
public record RankFeatures(
        double bm25Title, double bm25Brand, double bm25Category, double bm25Attributes, double bm25Description,
        double bm25All, double lexicalRank, double vectorRank, double vectorSimilarity, double fused,
        double termCoverage, double titleCoverage, double titlePhrase, double brandMatch, double categoryMatch,
        double attributeMatch, double numericMatch, double queryTerms, double titleTerms, double popularity,
        double conversion, double priceFit, double inStock) {

    public static final List<String> NAMES = List.of(
            "bm25_title", "bm25_brand", "bm25_category", "bm25_attributes", "bm25_description",
            "bm25_all", "lexical_rank", "vector_rank", "vector_similarity", "fused",
            "term_coverage", "title_coverage", "title_phrase", "brand_match", "category_match",
            "attribute_match", "numeric_match", "query_terms", "title_terms", "popularity",
            "conversion", "price_fit", "in_stock");

    public double[] toArray() {
        return new double[] {
                bm25Title, bm25Brand, bm25Category, bm25Attributes, bm25Description,
                bm25All, lexicalRank, vectorRank, vectorSimilarity, fused,
                termCoverage, titleCoverage, titlePhrase, brandMatch, categoryMatch,
                attributeMatch, numericMatch, queryTerms, titleTerms, popularity,
                conversion, priceFit, inStock};
    }
}
