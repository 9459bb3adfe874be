package io.aisle.search.query;

import io.aisle.core.validation.ValidationException;

import java.util.Set;

/**
 * Tuning of {@link CatalogQueryUnderstanding}; {@link #defaults()} suits a general catalogue.
 *
 * @param minCategoryConfidence  categories below this confidence are not returned
 * @param maxCategories          most category intents returned
 * @param categoryVectorWeight   weight of the query-to-category-label cosine in the category score (nats per unit of
 *                               cosine above 0.3); used only with an embedder
 * @param minUseCaseSimilarity   attribute values less similar than this to a use-case phrase are not suggested
 * @param maxUseCaseSuggestions  most attribute values suggested per use-case phrase
 * @param maxAttributeValues     a text attribute with more distinct values than this is not matched in queries
 *                               (only low-cardinality attributes such as colour or type are)
 * @param minValuePrecision      a one-word value is matched only if at least this share of the products whose title
 *                               has the word also have the value (keeps common words from becoming filters)
 * @param softAttributes         attributes never turned into filters, only suggested through use cases ("good_for")
 * @param maxEmbeddingsPerParse  most catalogue strings one parse may embed before using its cache; bounds the latency
 *                               of the first searches (call {@link CatalogQueryUnderstanding#warmUp()} to fill it)
 * @param maxLearnedSearches     past searches learned before further ones are ignored (bounds memory)
 */
public record UnderstandingConfig(
        double minCategoryConfidence,
        int maxCategories,
        double categoryVectorWeight,
        double minUseCaseSimilarity,
        int maxUseCaseSuggestions,
        int maxAttributeValues,
        double minValuePrecision,
        Set<String> softAttributes,
        int maxEmbeddingsPerParse,
        int maxLearnedSearches) {

    public UnderstandingConfig {
        if (!(minCategoryConfidence > 0 && minCategoryConfidence <= 1)) {
            throw new ValidationException("min_category_confidence", "must be in (0, 1]");
        }
        if (maxCategories < 0) throw new ValidationException("max_categories", "must be >= 0");
        if (!(categoryVectorWeight >= 0 && categoryVectorWeight <= 100)) {
            throw new ValidationException("category_vector_weight", "must be in [0, 100]");
        }
        if (!(minUseCaseSimilarity >= -1 && minUseCaseSimilarity <= 1)) {
            throw new ValidationException("min_use_case_similarity", "must be in [-1, 1]");
        }
        if (maxUseCaseSuggestions < 1) throw new ValidationException("max_use_case_suggestions", "must be >= 1");
        if (maxAttributeValues < 1) throw new ValidationException("max_attribute_values", "must be >= 1");
        if (!(minValuePrecision >= 0 && minValuePrecision <= 1)) {
            throw new ValidationException("min_value_precision", "must be in [0, 1]");
        }
        if (softAttributes == null) throw new ValidationException("soft_attributes", "is required");
        softAttributes = Set.copyOf(softAttributes);
        if (maxEmbeddingsPerParse < 0) throw new ValidationException("max_embeddings_per_parse", "must be >= 0");
        if (maxLearnedSearches < 0) throw new ValidationException("max_learned_searches", "must be >= 0");
    }

    /** Defaults: top 3 categories above 0.25, use cases above cosine 0.55, attributes of up to 200 values. */
    public static UnderstandingConfig defaults() {
        return new UnderstandingConfig(0.25, 3, 12.0, 0.55, 3, 200, 0.3,
                Set.of("good_for", "use", "uses", "use_case", "use_cases", "best_for", "ideal_for", "suitable_for",
                        "occasion", "activity", "features", "tags", "keywords"),
                256, 1_000_000);
    }

    public UnderstandingConfig withMinUseCaseSimilarity(double similarity) {
        return new UnderstandingConfig(minCategoryConfidence, maxCategories, categoryVectorWeight, similarity,
                maxUseCaseSuggestions, maxAttributeValues, minValuePrecision, softAttributes, maxEmbeddingsPerParse,
                maxLearnedSearches);
    }

    public UnderstandingConfig withMinCategoryConfidence(double confidence) {
        return new UnderstandingConfig(confidence, maxCategories, categoryVectorWeight, minUseCaseSimilarity,
                maxUseCaseSuggestions, maxAttributeValues, minValuePrecision, softAttributes, maxEmbeddingsPerParse,
                maxLearnedSearches);
    }
}
