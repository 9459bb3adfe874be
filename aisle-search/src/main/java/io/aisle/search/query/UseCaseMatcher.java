package io.aisle.search.query;

import io.aisle.core.search.ParsedQuery.AttributeConstraint;
import io.aisle.core.search.ParsedQuery.UseCase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * Maps a use-case phrase ("video editing", "plantar fasciitis") to the catalogue attribute values nearest to it in
 * vector space ("good_for: video editing", "gpu: Corvid RT 4070"). Without an embedder only a value spelled like the
 * phrase matches. Suggestions are hints for ranking and for the assistant, never filters.
 */
final class UseCaseMatcher {
    /** The catalogue strings, derived once per vocabulary version. */
    private record Candidates(long version, List<Vocabulary.ValueKey> keys, List<String> texts, List<String> folded) {}

    private final Vocabulary vocabulary;
    private final VectorCache vectors;
    private final UnderstandingConfig config;
    private volatile Candidates candidates = new Candidates(-1, List.of(), List.of(), List.of());

    UseCaseMatcher(Vocabulary vocabulary, VectorCache vectors, UnderstandingConfig config) {
        this.vocabulary = vocabulary;
        this.vectors = vectors;
        this.config = config;
    }

    /**
     * The string embedded for a value: "gpu: Corvid RT 4070" (the name gives the value its sense); a flag is its name
     * alone ("noise cancelling"), a soft attribute's value is bare ("video editing"), as names like "good for" only
     * dilute the match.
     */
    private String text(Vocabulary.ValueKey key) {
        String name = String.join(" ", FoldedText.words(key.attribute()));
        if (key.flag()) return name;
        return config.softAttributes().contains(key.attribute()) ? key.value() : name + ": " + key.value();
    }

    /** The use case of {@code phrase}, or null when nothing in the catalogue is near enough. */
    UseCase match(String phrase) {
        String folded = Vocabulary.phraseKey(phrase);
        if (folded == null) return null;
        Candidates c = candidates();
        record Scored(Vocabulary.ValueKey key, double similarity) {}
        List<Scored> scored = new ArrayList<>();
        if (vectors == null) {
            for (int i = 0; i < c.keys().size(); i++) {
                if (!c.keys().get(i).flag() && folded.equals(c.folded().get(i))) scored.add(new Scored(c.keys().get(i), 1.0));
            }
        } else {
            vectors.ensure(c.texts(), config.maxEmbeddingsPerParse());
            float[] q = vectors.query(folded);
            for (int i = 0; i < c.keys().size(); i++) {
                float[] v = vectors.cached(c.texts().get(i));
                if (v == null) continue;
                double s = VectorCache.dot(q, v);
                if (s >= config.minUseCaseSimilarity()) scored.add(new Scored(c.keys().get(i), s));
            }
        }
        if (scored.isEmpty()) return null;
        scored.sort(Comparator.comparingDouble(Scored::similarity).reversed().thenComparing(Scored::key));
        List<AttributeConstraint> suggests = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(config.maxUseCaseSuggestions(), scored.size()))) {
            suggests.add(new AttributeConstraint(s.key().attribute(), List.of(s.key().value()), phrase));
        }
        return new UseCase(phrase, suggests, Math.round(scored.get(0).similarity() * 10_000) / 10_000.0);
    }

    /** Embeds every catalogue string not embedded yet; returns how many it embedded. */
    int warmUp() {
        if (vectors == null) return 0;
        Candidates c = candidates();
        return vectors.ensure(c.texts(), Integer.MAX_VALUE);
    }

    private Candidates candidates() {
        Candidates current = candidates;
        long version = vocabulary.version();
        if (current.version() == version) return current;
        List<Vocabulary.ValueKey> keys = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> foldedValues = new ArrayList<>();
        for (Vocabulary.ValueKey key : vocabulary.allValues()) {
            if (!key.flag() && !hasLetter(key.value())) continue; // sizes and codes say nothing about a use
            // names and codes of high-cardinality attributes (authors, model numbers) are not uses either, and
            // would make the vectors to compute grow with the catalogue
            if (!key.flag() && !config.softAttributes().contains(key.attribute())
                    && vocabulary.cardinality(key.attribute()) > config.maxAttributeValues()) continue;
            keys.add(key);
            texts.add(text(key));
            String f = Vocabulary.phraseKey(key.value());
            foldedValues.add(f == null ? "" : f);
        }
        Candidates next = new Candidates(version, List.copyOf(keys), List.copyOf(texts), List.copyOf(foldedValues));
        candidates = next;
        if (vectors != null) {
            HashSet<String> live = new HashSet<>(texts);
            vocabulary.categories().forEach(k -> live.add(CategoryClassifier.label(k)));
            vectors.prune(live);
        }
        return next;
    }

    private static boolean hasLetter(String s) { return s.chars().anyMatch(Character::isLetter); }
}
