package io.aisle.search.query;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What the catalogue and past searches taught: brands, attribute values, numeric attributes and their units, and the
 * word counts per category the classifier reads. Every product's contribution is kept, so re-accepting or removing a
 * product subtracts exactly what it added. Writers take one lock; readers never block and see concurrent maps.
 */
final class Vocabulary {
    /** Phrases of more words than this are not looked up. */
    static final int MAX_PHRASE_WORDS = 6;
    /** A past search counts as this many title words of its category: a shopper's choice is strong evidence. */
    static final int SEARCH_WEIGHT = 2;
    private static final String PATH_SEPARATOR = "\u001f";

    /** An attribute value as the catalogue spells it; flags are their name with value "yes". */
    record ValueKey(String attribute, String value, boolean flag) implements Comparable<ValueKey> {
        private static final Comparator<ValueKey> ORDER = Comparator.comparing(ValueKey::attribute)
                .thenComparing(ValueKey::value).thenComparing(ValueKey::flag);

        @Override public int compareTo(ValueKey o) { return ORDER.compare(this, o); }
    }

    /** A number attribute of one product, in its unit's canonical spelling ("" when it has none). */
    record NumberValue(String attribute, double value, String unit) {}

    /** What one product added; subtracted again on removal. */
    record Contribution(String brand, List<String> brandKeys, String category, List<String> features,
                        Set<String> titleWords, Set<String> categoryWords, List<ValueKey> values,
                        List<NumberValue> numbers, String currency) {}

    private final Object writeLock = new Object();
    private final ConcurrentHashMap<ProductId, Contribution> products = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counts<String>> brands = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counts<ValueKey>> valuePhrases = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counts<String>> valuesByAttribute = new ConcurrentHashMap<>();
    private final Counts<ValueKey> values = new Counts<>();
    private final Counts<String> titleDocuments = new Counts<>();
    private final Counts<String> categoryWords = new Counts<>();
    private final ConcurrentHashMap<String, Counts<String>> numericUnits = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Double, Long>> numericValues = new ConcurrentHashMap<>();
    private final Counts<String> currencies = new Counts<>();
    private final Counts<String> categoryDocuments = new Counts<>();
    private final Counts<String> categoryWordTotals = new Counts<>();
    private final ConcurrentHashMap<String, Counts<String>> wordCategories = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private final int maxLearnedSearches;
    private long learnedSearches;
    /** What learned searches added, kept apart so they can be subtracted again exactly (a replay from scratch). */
    private final Counts<String> learnedDocuments = new Counts<>();
    private final ConcurrentHashMap<String, Counts<String>> learnedWords = new ConcurrentHashMap<>();

    Vocabulary(int maxLearnedSearches) { this.maxLearnedSearches = maxLearnedSearches; }

    // ---- learning ------------------------------------------------------------------------------------------------

    void accept(Product product) {
        Contribution next = contribution(product);
        synchronized (writeLock) {
            Contribution previous = products.put(product.id(), next);
            if (previous != null) apply(previous, -1);
            apply(next, +1);
            version.incrementAndGet();
        }
    }

    void remove(ProductId id) {
        synchronized (writeLock) {
            Contribution previous = products.remove(id);
            if (previous != null) apply(previous, -1);
            version.incrementAndGet();
        }
    }

    /** Adds a past search's words to its category; ignored once the cap is reached, so memory stays bounded. */
    void learnSearch(List<String> features, List<String> categoryPath) {
        if (categoryPath.isEmpty() || features.isEmpty()) return;
        String key = categoryKey(categoryPath);
        synchronized (writeLock) {
            if (learnedSearches >= maxLearnedSearches) return;
            learnedSearches++;
            categoryDocuments.add(key, 1);
            learnedDocuments.add(key, 1);
            for (String f : features) {
                categoryWordTotals.add(key, SEARCH_WEIGHT);
                nested(wordCategories, f).add(key, SEARCH_WEIGHT);
                nested(learnedWords, f).add(key, SEARCH_WEIGHT);
            }
            version.incrementAndGet();
        }
    }

    /** Takes back everything {@link #learnSearch} added; what products taught stays exactly as it was. */
    void forgetSearches() {
        synchronized (writeLock) {
            learnedDocuments.view().forEach((key, n) -> categoryDocuments.add(key, -n));
            learnedWords.forEach((word, byCategory) -> byCategory.view().forEach((key, w) -> {
                categoryWordTotals.add(key, -w);
                nested(wordCategories, word).add(key, -w);
            }));
            wordCategories.values().removeIf(Counts::isEmpty);
            learnedDocuments.view().clear();
            learnedWords.clear();
            learnedSearches = 0;
            version.incrementAndGet();
        }
    }

    private static Contribution contribution(Product p) {
        String brand = p.brand() == null || p.brand().isBlank() ? null : p.brand().strip();
        List<String> brandKeys = brand == null ? List.of() : brandKeys(brand);
        String category = p.categoryPath().isEmpty() ? null : categoryKey(p.categoryPath());
        List<String> features = new ArrayList<>(features(p.title()));
        if (brand != null) {
            // a brand is evidence of its categories even where titles leave it out ("Greyhaven House" books)
            for (String w : features(brand)) if (!features.contains(w)) features.add(w);
        }
        Set<String> pathWords = new LinkedHashSet<>();
        for (String part : p.categoryPath()) pathWords.addAll(features(part));
        if (category != null) features.addAll(pathWords);
        Set<String> titleWords = new LinkedHashSet<>(FoldedText.words(p.title()));
        List<ValueKey> values = new ArrayList<>();
        List<NumberValue> numbers = new ArrayList<>();
        for (Map.Entry<String, AttributeValue> e : p.attributes().entrySet()) {
            String name = e.getKey();
            switch (e.getValue()) {
                case AttributeValue.Text t -> addValue(values, name, t.value());
                case AttributeValue.Texts ts -> ts.values().forEach(v -> addValue(values, name, v));
                case AttributeValue.Flag f -> { if (f.value()) values.add(new ValueKey(name, "yes", true)); }
                case AttributeValue.Number n -> numbers.add(new NumberValue(name, n.value(),
                        n.unit() == null || n.unit().isBlank() ? "" : Units.normalise(n.unit().strip())));
            }
        }
        return new Contribution(brand, brandKeys, category, List.copyOf(features), Set.copyOf(titleWords),
                Set.copyOf(pathWords), List.copyOf(new LinkedHashSet<>(values)), List.copyOf(numbers),
                p.price().currency());
    }

    private static void addValue(List<ValueKey> out, String attribute, String value) {
        if (value == null || value.isBlank()) return;
        out.add(new ValueKey(attribute, value.strip(), false));
    }

    private void apply(Contribution c, int sign) {
        if (c.brand() != null) {
            for (String key : c.brandKeys()) nestedAdd(brands, key, c.brand(), sign);
        }
        for (ValueKey v : c.values()) {
            String phrase = phraseKey(v.flag() ? v.attribute() : v.value());
            if (phrase != null) nestedAdd(valuePhrases, phrase, v, sign);
            nestedAdd(valuesByAttribute, v.attribute(), v.value(), sign);
            values.add(v, sign);
        }
        for (String w : c.titleWords()) titleDocuments.add(w, sign);
        for (NumberValue n : c.numbers()) {
            nestedAdd(numericUnits, n.attribute(), n.unit(), sign);
            double base = Units.of(n.unit()).map(u -> n.value() * u.factor()).orElse(n.value());
            ConcurrentSkipListMap<Double, Long> sorted = numericValues.computeIfAbsent(n.attribute(), a -> new ConcurrentSkipListMap<>());
            sorted.compute(base, (k, v) -> {
                long next = (v == null ? 0 : v) + sign;
                return next == 0 ? null : next;
            });
            if (sorted.isEmpty()) numericValues.remove(n.attribute());
        }
        currencies.add(c.currency(), sign);
        if (c.category() != null) {
            categoryDocuments.add(c.category(), sign);
            for (String w : c.categoryWords()) categoryWords.add(w, sign);
            for (String f : c.features()) {
                categoryWordTotals.add(c.category(), sign);
                nestedAdd(wordCategories, f, c.category(), sign);
            }
        }
    }

    private static <A, B> Counts<B> nested(ConcurrentHashMap<A, Counts<B>> map, A key) {
        return map.computeIfAbsent(key, k -> new Counts<>());
    }

    /** Callers hold the write lock, so an inner count emptied here cannot be refilled concurrently. */
    private static <A, B> void nestedAdd(ConcurrentHashMap<A, Counts<B>> map, A key, B inner, int delta) {
        Counts<B> counts = nested(map, key);
        counts.add(inner, delta);
        if (counts.isEmpty()) map.remove(key);
    }

    // ---- shared text helpers -------------------------------------------------------------------------------------

    /** The words a product or query contributes as category evidence: folded, no stop words or bare numbers, singular. */
    static List<String> features(String text) {
        List<String> out = new ArrayList<>();
        for (String w : FoldedText.words(text)) {
            if (StopWords.isStopWord(w) || w.chars().allMatch(Character::isDigit)) continue;
            out.add(singular(w));
        }
        return out;
    }

    /** A light plural fold for category evidence only ("laptops" -> "laptop"); terms are never stemmed. */
    static String singular(String w) {
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** The lookup key of a phrase: its folded words joined by single spaces; null when empty or too long. */
    static String phraseKey(String text) {
        List<String> words = FoldedText.words(text);
        if (words.isEmpty() || words.size() > MAX_PHRASE_WORDS) return null;
        return String.join(" ", words);
    }

    private static List<String> brandKeys(String brand) {
        List<String> words = FoldedText.words(brand);
        if (words.isEmpty() || words.size() > MAX_PHRASE_WORDS) return List.of();
        if (words.size() == 1 && (words.get(0).length() < 2 || StopWords.isStopWord(words.get(0)))) return List.of();
        Set<String> keys = new LinkedHashSet<>();
        keys.add(String.join(" ", words));
        if (words.size() > 1) keys.add(String.join("", words)); // "Kestrel Labs" also as "kestrellabs"
        return List.copyOf(keys);
    }

    static String categoryKey(List<String> path) { return String.join(PATH_SEPARATOR, path); }

    static List<String> categoryPath(String key) { return List.of(key.split(PATH_SEPARATOR, -1)); }

    // ---- reading -------------------------------------------------------------------------------------------------

    int productCount() { return products.size(); }

    /** Changes on every write; lets readers cache what they derive from the counts. */
    long version() { return version.get(); }

    /** The catalogue's spelling of the brand a phrase key names, or null. */
    String brand(String phraseKey) {
        Counts<String> spellings = brands.get(phraseKey);
        return spellings == null ? null : spellings.top();
    }

    /** The attribute values (and flags) whose folded spelling is {@code phraseKey}, with how many products have each. */
    Map<ValueKey, Long> valuesSpelled(String phraseKey) {
        Counts<ValueKey> counts = valuePhrases.get(phraseKey);
        return counts == null ? Map.of() : counts.view();
    }

    /** How many distinct values a text attribute takes. */
    int cardinality(String attribute) {
        Counts<String> counts = valuesByAttribute.get(attribute);
        return counts == null ? 0 : counts.distinct();
    }

    /** How many products have this word in their title. */
    long titleDocuments(String word) { return titleDocuments.get(word); }

    /** Whether a (singular) word appears in some category path. */
    boolean isCategoryWord(String singularWord) { return categoryWords.contains(singularWord); }

    /** Every distinct attribute value and flag, with its product count, sorted. */
    List<ValueKey> allValues() {
        List<ValueKey> out = new ArrayList<>(values.view().keySet());
        out.sort(null);
        return out;
    }

    /** The catalogue's main currency, or null when empty. */
    String currency() { return currencies.top(); }

    // numeric attributes

    /** Names of the numeric attributes, sorted. */
    List<String> numericAttributes() {
        List<String> names = new ArrayList<>(numericUnits.keySet());
        names.sort(null);
        return names;
    }

    /** The unit most values of a numeric attribute carry ("" when none). */
    String unitOf(String attribute) {
        Counts<String> units = numericUnits.get(attribute);
        String top = units == null ? null : units.top();
        return top == null ? "" : top;
    }

    /** How many values a numeric attribute has. */
    long numericCount(String attribute) {
        ConcurrentSkipListMap<Double, Long> sorted = numericValues.get(attribute);
        if (sorted == null) return 0;
        long n = 0;
        for (long c : sorted.values()) n += c;
        return n;
    }

    /** Smallest and largest value in the dimension's base unit (raw when unitless), or null. */
    double[] numericRange(String attribute) {
        ConcurrentSkipListMap<Double, Long> sorted = numericValues.get(attribute);
        if (sorted == null) return null;
        try {
            return new double[] {sorted.firstKey(), sorted.lastKey()};
        } catch (java.util.NoSuchElementException emptiedMeanwhile) {
            return null;
        }
    }

    // classifier

    /** Category keys, sorted, so scores are summed in one order whatever the hash layout. */
    List<String> categories() {
        List<String> keys = new ArrayList<>(categoryDocuments.view().keySet());
        keys.sort(null);
        return keys;
    }

    long categoryDocuments(String key) { return categoryDocuments.get(key); }

    long categoryWordTotal(String key) { return categoryWordTotals.get(key); }

    /** Counts of a feature word per category (empty when unknown). */
    Map<String, Long> wordCategories(String feature) {
        Counts<String> counts = wordCategories.get(feature);
        return counts == null ? Map.of() : counts.view();
    }

    boolean knowsFeature(String feature) { return wordCategories.containsKey(feature); }

    int featureVocabularySize() { return wordCategories.size(); }

    /**
     * A fingerprint of every count, for tests that check removal restores the vocabulary exactly. Sorted, so two equal
     * vocabularies give equal fingerprints whatever order they were built in.
     */
    String fingerprint() {
        StringBuilder out = new StringBuilder();
        dump(out, "brands", brands);
        dump(out, "valuePhrases", valuePhrases);
        dump(out, "valuesByAttribute", valuesByAttribute);
        dump(out, "numericUnits", numericUnits);
        dump(out, "wordCategories", wordCategories);
        dumpFlat(out, "values", values);
        dumpFlat(out, "titleDocuments", titleDocuments);
        dumpFlat(out, "categoryWords", categoryWords);
        dumpFlat(out, "currencies", currencies);
        dumpFlat(out, "categoryDocuments", categoryDocuments);
        dumpFlat(out, "categoryWordTotals", categoryWordTotals);
        new java.util.TreeMap<>(numericValues).forEach((k, v) -> out.append("numericValues ").append(k).append(' ').append(v).append('\n'));
        return out.toString();
    }

    private static <A, B> void dump(StringBuilder out, String name, Map<A, Counts<B>> map) {
        Map<String, String> sorted = new java.util.TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), new java.util.TreeMap<>(stringKeys(v.view())).toString()));
        sorted.forEach((k, v) -> out.append(name).append(' ').append(k).append(' ').append(v).append('\n'));
    }

    private static <B> void dumpFlat(StringBuilder out, String name, Counts<B> counts) {
        out.append(name).append(' ').append(new java.util.TreeMap<>(stringKeys(counts.view()))).append('\n');
    }

    private static <B> Map<String, Long> stringKeys(Map<B, Long> map) {
        Map<String, Long> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
