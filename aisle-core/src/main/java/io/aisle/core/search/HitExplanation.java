package io.aisle.core.search;

import java.util.List;
import java.util.Map;

/**
 * Why a product was returned and where: terms it matched per field, its ranks in each retriever (null when that
 * retriever did not return it), the semantic similarity, constraints it met and the re-ranking steps.
 */
public record HitExplanation(
        Map<String, List<String>> matchedTerms,
        Integer lexicalRank,
        Double lexicalScore,
        Integer vectorRank,
        Double semanticScore,
        List<String> constraintsMet,
        Double rerankScore,
        Double personalBoost) {

    public HitExplanation {
        matchedTerms = Map.copyOf(matchedTerms);
        constraintsMet = List.copyOf(constraintsMet);
    }
}
