package io.aisle.search.query;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.Embedder;
import io.aisle.core.search.ParsedQuery;
import io.aisle.core.search.ParsedQuery.AttributeConstraint;
import io.aisle.core.search.ParsedQuery.CategoryIntent;
import io.aisle.core.search.ParsedQuery.NumericConstraint;
import io.aisle.core.search.ParsedQuery.UseCase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Query understanding from the catalogue's own vocabulary: numeric constraints with units, brands, attribute values
 * and flags, negations, likely categories and use-case phrases mapped to attribute values through sentence vectors.
 * Learns as products are accepted and removed; many threads may parse while one learns.
 *
 * <p>The parse runs in a fixed order, each step taking words the earlier ones left: numbers, negations, brands,
 * use-case phrases (marked, not taken), attribute values; categories are scored on what numbers and negations left.
 */
public final class CatalogQueryUnderstanding implements QueryUnderstanding {
    /** Weight of the words of use-case phrases and attribute values as category evidence, relative to other words. */
    private static final double WEAK_EVIDENCE = 0.5;
    /** Words of a query embedded for the category vectors; a longer text costs more and says no more. */
    private static final int MAX_VECTOR_WORDS = 32;
    private final UnderstandingConfig config;
    private final Vocabulary vocabulary;
    private final NumericParser numbers;
    private final CategoryClassifier categories;
    private final UseCaseMatcher useCases;
    /** The same steps on words alone, for lexical-only searches. */
    private final CategoryClassifier wordCategories;
    private final UseCaseMatcher wordUseCases;

    /** Without vectors: no use-case suggestions beyond exact spellings, categories from words alone. */
    public CatalogQueryUnderstanding() { this(null, UnderstandingConfig.defaults()); }

    /** With an embedder for use cases and category labels; {@code embedder} may be null. */
    public CatalogQueryUnderstanding(Embedder embedder) { this(embedder, UnderstandingConfig.defaults()); }

    public CatalogQueryUnderstanding(Embedder embedder, UnderstandingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.vocabulary = new Vocabulary(config.maxLearnedSearches());
        VectorCache vectors = embedder == null ? null : new VectorCache(embedder);
        this.numbers = new NumericParser(vocabulary);
        this.categories = new CategoryClassifier(vocabulary, vectors, config);
        this.useCases = new UseCaseMatcher(vocabulary, vectors, config);
        this.wordCategories = vectors == null ? categories : new CategoryClassifier(vocabulary, null, config);
        this.wordUseCases = vectors == null ? useCases : new UseCaseMatcher(vocabulary, null, config);
    }

    @Override public void accept(Product product) { vocabulary.accept(Objects.requireNonNull(product, "product")); }

    @Override public void remove(ProductId id) { vocabulary.remove(Objects.requireNonNull(id, "id")); }

    @Override public void learnSearch(String query, List<String> categoryPath) {
        if (query == null || categoryPath == null || categoryPath.isEmpty()) return;
        if (categoryPath.stream().anyMatch(p -> p == null || p.isBlank())) return;
        vocabulary.learnSearch(Vocabulary.features(query), List.copyOf(categoryPath));
    }

    @Override public void forgetSearches() { vocabulary.forgetSearches(); }

    /**
     * Embeds every catalogue string the vectors need (attribute values, category labels) so that later parses do not
     * pay for it; returns how many were embedded. Call after a bulk load; without an embedder it does nothing.
     */
    @Override public int warmUp() {
        return useCases.warmUp() + categories.warmUp();
    }

    /** How many products the vocabulary holds. */
    public int productCount() { return vocabulary.productCount(); }

    /**
     * A sorted dump of every count learned; two instances that learned the same products give equal dumps. For tests
     * and diagnostics.
     */
    String fingerprint() { return vocabulary.fingerprint(); }

    @Override public ParsedQuery parse(String text) { return parse(text, true); }

    @Override public ParsedQuery parse(String text, boolean withVectors) {
        CategoryClassifier categories = withVectors ? this.categories : wordCategories;
        UseCaseMatcher useCases = withVectors ? this.useCases : wordUseCases;
        String original = text == null ? "" : text;
        QueryState q = new QueryState(FoldedText.of(original));
        List<String> words = q.tokens.stream().map(FoldedText.Token::text).toList();

        List<NumericConstraint> numeric = new ArrayList<>();
        for (NumericParser.Match m : numbers.parse(q.text, Lexeme.lex(q.text.folded()), words)) {
            numeric.add(m.constraint());
            q.take(m.start(), m.end(), QueryState.Use.NUMERIC);
        }
        List<String> excluded = negations(q);
        List<String> brands = brands(q);
        List<String> phrases = useCasePhrases(q);
        List<AttributeConstraint> attributes = attributes(q);

        List<CategoryClassifier.Evidence> evidence = new ArrayList<>();
        StringBuilder vectorText = new StringBuilder();
        for (int i = 0; i < q.size(); i++) {
            if (q.use(i) == QueryState.Use.NUMERIC || q.use(i) == QueryState.Use.NEGATION) continue;
            String w = q.word(i);
            if (i < MAX_VECTOR_WORDS) vectorText.append(vectorText.isEmpty() ? "" : " ").append(w);
            if (StopWords.isStopWord(w) || w.chars().allMatch(Character::isDigit)) continue;
            // "headphones for running", "black laptop": a use or a colour says less about the kind of product than
            // the product word does
            boolean weak = q.inUseCase(i) || q.use(i) == QueryState.Use.ATTRIBUTE;
            evidence.add(new CategoryClassifier.Evidence(Vocabulary.singular(w), weak ? WEAK_EVIDENCE : 1.0));
        }
        List<CategoryIntent> intents = categories.classify(evidence, vectorText.toString());

        List<UseCase> uses = new ArrayList<>();
        for (String phrase : phrases) {
            UseCase u = useCases.match(phrase);
            if (u != null) uses.add(u);
        }
        String residual = q.residual();
        return new ParsedQuery(original, residual, null, FoldedText.words(residual), brands, attributes, numeric,
                excluded, intents, uses);
    }

    // ---- steps ---------------------------------------------------------------------------------------------------

    /** "not samsung", "without bluetooth", "no cable", "-hp", "w/o case": the negated brand, value or word. */
    private List<String> negations(QueryState q) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < q.size(); i++) {
            if (!q.free(i)) continue;
            int cueStart = q.tokens.get(i).start();
            int target;
            String w = q.word(i);
            if (StopWords.isNegation(w)) {
                target = i + 1;
            } else if (w.equals("w") && i + 1 < q.size() && q.word(i + 1).equals("o") && q.gap(i, i + 1).equals("/")) {
                target = i + 2;
            } else if (minusPrefixed(q, i)) {
                cueStart = q.tokens.get(i).start() - 1;
                target = i;
            } else {
                continue;
            }
            while (target < q.size() && q.free(target) && StopWords.isDeterminer(q.word(target))) target++;
            if (target >= q.size() || !q.free(target) || q.word(target).chars().allMatch(Character::isDigit)) continue;
            int end;
            int n = longestBrand(q, target);
            if (n > 0) {
                end = target + n;
                out.add(brandAt(q, target, n));
            } else {
                Match value = longestValue(q, target);
                if (value != null) {
                    end = target + value.words();
                    out.add(value.flag() ? value.attribute() : value.values().get(0));
                } else if (!StopWords.isStopWord(q.word(target))) {
                    end = target + 1;
                    out.add(q.word(target));
                } else {
                    continue;
                }
            }
            q.take(cueStart, q.tokens.get(end - 1).end(), QueryState.Use.NEGATION);
            i = end - 1;
        }
        return List.copyOf(out);
    }

    /** "-hp": a minus at the start of a word that starts the query or follows a space (not "usb-c"). */
    private static boolean minusPrefixed(QueryState q, int i) {
        int start = q.tokens.get(i).start();
        if (start == 0 || q.text.charAt(start - 1) != '-') return false;
        return start - 1 == 0 || q.text.charAt(start - 2) == ' ';
    }

    private List<String> brands(QueryState q) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < q.size(); i++) {
            int n = longestBrand(q, i);
            if (n == 0) continue;
            out.add(brandAt(q, i, n));
            q.takeWords(i, i + n, QueryState.Use.BRAND);
            i += n - 1;
        }
        return List.copyOf(out);
    }

    /** Words in the longest brand starting at word {@code i}, 0 when none. */
    private int longestBrand(QueryState q, int i) {
        for (int n = Math.min(Vocabulary.MAX_PHRASE_WORDS, q.size() - i); n >= 1; n--) {
            if (!q.run(i, i + n)) continue;
            if (brandAt(q, i, n) != null) return n;
        }
        return 0;
    }

    private String brandAt(QueryState q, int i, int n) {
        String brand = vocabulary.brand(q.key(i, i + n, true));
        if (brand == null && n > 1) brand = vocabulary.brand(q.key(i, i + n, false)); // "play station" for "PlayStation"
        return brand;
    }

    /** Phrases after "for", up to a bound word or punctuation, split at "and"/"or": "for video editing and gaming". */
    private static List<String> useCasePhrases(QueryState q) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            if (!q.free(i) || !q.word(i).equals("for")) continue;
            int j = i + 1;
            while (j < q.size()) {
                while (j < q.size() && q.free(j) && StopWords.isDeterminer(q.word(j))) j++;
                int start = j;
                while (j < q.size() && j - start < 6 && q.free(j) && !endsPhrase(q.word(j))
                        && (j == start || q.adjacent(j - 1))) {
                    j++;
                }
                if (j > start) {
                    out.add(q.original(start, j));
                    q.markUseCase(start, j);
                }
                if (j < q.size() && j > start && q.free(j) && isConnector(q.word(j)) && q.adjacent(j - 1)
                        && j + 1 < q.size() && q.adjacent(j)) {
                    j++;
                    continue;
                }
                break;
            }
            i = Math.max(i, j - 1);
        }
        return out;
    }

    private static boolean endsPhrase(String w) {
        return switch (w) {
            case "and", "or", "with", "without", "under", "below", "over", "above", "between", "from", "by", "that",
                 "which", "but", "not", "no", "than", "less", "more", "in", "on", "at", "near", "for", "like" -> true;
            default -> false;
        };
    }

    /** Attribute values and flags named in the query; values of one attribute are merged (they are OR-ed). */
    private List<AttributeConstraint> attributes(QueryState q) {
        Map<String, LinkedHashSet<String>> values = new LinkedHashMap<>();
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        Map<String, Integer> lastEnd = new java.util.HashMap<>();
        for (int i = 0; i < q.size(); i++) {
            if (!q.matchable(i)) continue;
            Match m = longestValue(q, i);
            if (m == null) continue;
            // "red or blue": the connector between two values of one attribute goes with them
            if (i >= 2 && lastEnd.getOrDefault(m.attribute(), -1) == i - 1 && q.free(i - 1) && isConnector(q.word(i - 1))) {
                q.takeWords(i - 1, i, QueryState.Use.ATTRIBUTE);
            }
            lastEnd.put(m.attribute(), i + m.words());
            values.computeIfAbsent(m.attribute(), a -> new LinkedHashSet<>()).addAll(m.values());
            phrases.computeIfAbsent(m.attribute(), a -> new ArrayList<>()).add(q.original(i, i + m.words()));
            q.takeWords(i, i + m.words(), QueryState.Use.ATTRIBUTE);
            i += m.words() - 1;
        }
        List<AttributeConstraint> out = new ArrayList<>();
        values.forEach((attribute, v) -> out.add(new AttributeConstraint(attribute, List.copyOf(v),
                String.join(" ", phrases.get(attribute)))));
        return out;
    }

    private static boolean isConnector(String w) { return w.equals("or") || w.equals("and"); }

    /** An attribute value found in the query: its attribute, the catalogue spellings, how many words it spans. */
    private record Match(String attribute, List<String> values, boolean flag, int words) {}

    /** The longest distinctive attribute value or flag starting at word {@code i}, or null. */
    private Match longestValue(QueryState q, int i) {
        for (int n = Math.min(Vocabulary.MAX_PHRASE_WORDS, q.size() - i); n >= 1; n--) {
            if (!q.run(i, i + n)) continue;
            Match m = value(q.key(i, i + n, true), n);
            if (m != null) return m;
        }
        return null;
    }

    /**
     * The attribute a phrase names, if it is distinctive enough to act as a filter: not a stop word or placeholder,
     * not a bare number, not merely a category word, of a low-cardinality attribute, and (for one word) mostly found
     * in titles of products that do have the value.
     */
    private Match value(String key, int words) {
        Map<Vocabulary.ValueKey, Long> spelled = vocabulary.valuesSpelled(key);
        if (spelled.isEmpty() || StopWords.isPlaceholder(key)) return null;
        if (words == 1) {
            boolean digit = key.chars().anyMatch(Character::isDigit);
            boolean letter = key.chars().anyMatch(Character::isLetter);
            if (!letter || StopWords.isStopWord(key) || StopWords.isNegation(key) || StopWords.isQuantityWord(key)) return null;
            if (key.length() < 3 && !(digit && key.length() == 2)) return null;
            if (Units.of(key).isPresent()) return null;
        }
        boolean allCategoryWords = true;
        for (String w : key.split(" ")) allCategoryWords &= vocabulary.isCategoryWord(Vocabulary.singular(w));
        if (allCategoryWords) return null;

        Map<String, Long> perAttribute = new java.util.TreeMap<>();
        for (Map.Entry<Vocabulary.ValueKey, Long> e : spelled.entrySet()) {
            String attribute = e.getKey().attribute();
            if (config.softAttributes().contains(attribute)) continue;
            if (!e.getKey().flag() && vocabulary.cardinality(attribute) > config.maxAttributeValues()) continue;
            perAttribute.merge(attribute, e.getValue(), Long::sum);
        }
        String best = null;
        long bestCount = 0;
        for (Map.Entry<String, Long> e : perAttribute.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        if (best == null) return null;
        if (words == 1) {
            long titles = vocabulary.titleDocuments(key);
            if (titles > 0 && bestCount < config.minValuePrecision() * titles) return null;
        }
        String attribute = best;
        List<Map.Entry<Vocabulary.ValueKey, Long>> spellings = new ArrayList<>();
        for (Map.Entry<Vocabulary.ValueKey, Long> e : spelled.entrySet()) {
            if (e.getKey().attribute().equals(attribute)) spellings.add(Map.entry(e.getKey(), e.getValue()));
        }
        spellings.sort(Map.Entry.<Vocabulary.ValueKey, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        boolean flag = spellings.get(0).getKey().flag();
        List<String> values = spellings.stream().map(e -> e.getKey().value()).distinct().toList();
        return new Match(attribute, values, flag, words);
    }
}
