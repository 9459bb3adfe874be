package io.aisle.search.query;

import java.util.Set;

/** Small closed word lists the parser needs: English function words and catalogue placeholders. */
final class StopWords {
    private StopWords() {}

    /** Function words: never a brand, an attribute value, a negated thing or evidence of a category. */
    private static final Set<String> ENGLISH = Set.of(
            "a", "an", "the", "and", "or", "for", "with", "without", "in", "on", "at", "to", "of", "by", "from", "into",
            "is", "are", "be", "was", "it", "its", "this", "that", "these", "those", "as", "not", "no", "nor", "but",
            "if", "so", "than", "then", "too", "very", "really", "some", "any", "all", "my", "your", "our", "their",
            "his", "her", "me", "i", "we", "you", "they", "he", "she", "them", "us", "do", "does", "can", "will",
            "just", "only", "also", "more", "most", "less", "least", "much", "many", "up", "down", "out", "over",
            "under", "above", "below", "between", "about", "which", "what", "who", "how", "where", "when", "want",
            "need", "looking", "like", "s", "t", "one", "ones", "other", "please", "something", "thing", "things");

    /** Values that say nothing about the product ("n/a", "other"), never matched as attribute values. */
    private static final Set<String> PLACEHOLDERS = Set.of(
            "none", "na", "n a", "other", "others", "unknown", "yes", "no", "true", "false", "standard", "regular",
            "default", "various", "mixed", "multi", "assorted", "generic", "misc", "see description", "not applicable");

    /** Words that open a negation ("not samsung", "without bluetooth"). */
    private static final Set<String> NEGATIONS = Set.of("not", "no", "without", "except", "excluding", "exclude", "sans", "minus");

    /** Articles and possessives skipped after "for" and after a negation ("for a student", "without any cable"). */
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "any", "my", "your", "our", "his", "her", "their", "some");

    /** Words of numeric constraints ("max 2kg", "16gb plus"): never an attribute value, even where one is spelled so. */
    private static final Set<String> QUANTITY = Set.of("max", "min", "maximum", "minimum", "plus", "budget", "within",
            "upto", "tops", "least", "cheaper", "pricier", "bigger", "larger", "smaller", "greater", "higher", "lower");

    static boolean isStopWord(String folded) { return ENGLISH.contains(folded); }

    static boolean isQuantityWord(String folded) { return QUANTITY.contains(folded); }

    static boolean isPlaceholder(String folded) { return PLACEHOLDERS.contains(folded); }

    static boolean isNegation(String folded) { return NEGATIONS.contains(folded); }

    static boolean isDeterminer(String folded) { return DETERMINERS.contains(folded); }
}
