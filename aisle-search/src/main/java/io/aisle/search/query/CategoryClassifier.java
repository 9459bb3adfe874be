package io.aisle.search.query;

import io.aisle.core.search.ParsedQuery.CategoryIntent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the catalogue's categories for a query: a multinomial naive Bayes over the words of product titles, their
 * category paths and past searches that led to the category (all learned in {@link Vocabulary}), plus, with an
 * embedder, the cosine between the query and each category label. A softmax over the scores gives the confidences.
 */
final class CategoryClassifier {
    /** Additive smoothing of word counts. */
    private static final double ALPHA = 0.1;
    /** An ancestor is offered when its leaves together reach this confidence... */
    private static final double ANCESTOR_CONFIDENCE = 0.5;
    /** ...and beat the likeliest leaf by this much. */
    private static final double ANCESTOR_MARGIN = 0.3;
    /**
     * Cosine similarity below this says nothing: MiniLM gives unrelated short texts 0.0-0.25 against category
     * labels, related ones 0.4 and up.
     */
    static final double VECTOR_FLOOR = 0.3;

    private final Vocabulary vocabulary;
    private final VectorCache vectors;
    private final UnderstandingConfig config;

    CategoryClassifier(Vocabulary vocabulary, VectorCache vectors, UnderstandingConfig config) {
        this.vocabulary = vocabulary;
        this.vectors = vectors;
        this.config = config;
    }

    /** The label embedded for a category: its path as a shopper reads it. */
    static String label(String key) { return String.join(" > ", Vocabulary.categoryPath(key)); }

    /** Embeds every category label not embedded yet; returns how many. */
    int warmUp() {
        if (vectors == null) return 0;
        return vectors.ensure(vocabulary.categories().stream().map(CategoryClassifier::label).toList(), Integer.MAX_VALUE);
    }

    /** A word of evidence and how much it counts (words of a use-case phrase count less than the product words). */
    record Evidence(String word, double weight) {}

    /**
     * The likely categories of a query given its evidence words (see {@link Vocabulary#features}) and its free text
     * for the vector score; most likely first.
     */
    List<CategoryIntent> classify(List<Evidence> features, String vectorText) {
        if (config.maxCategories() == 0) return List.of();
        List<String> categories = vocabulary.categories();
        int n = categories.size();
        if (n == 0) return List.of();
        List<Evidence> known = features.stream().filter(f -> vocabulary.knowsFeature(f.word())).toList();
        double[] similarity = similarities(categories, vectorText);
        if (known.isEmpty() && similarity == null) return List.of();

        double total = 0;
        long[] docs = new long[n];
        for (int c = 0; c < n; c++) {
            docs[c] = Math.max(0, vocabulary.categoryDocuments(categories.get(c)));
            total += docs[c];
        }
        double vocabularySize = Math.max(1, vocabulary.featureVocabularySize());
        // The words' evidence is tempered by the square root of their number: naive Bayes treats words as
        // independent and so grows overconfident as queries get longer.
        double weightSum = known.stream().mapToDouble(Evidence::weight).sum();
        double temper = 1.0 / Math.sqrt(Math.max(1, weightSum));
        List<Map<String, Long>> wordCounts = known.stream().map(f -> vocabulary.wordCategories(f.word())).toList();
        double[] withPrior = new double[n];
        double[] evidence = new double[n];
        for (int c = 0; c < n; c++) {
            String key = categories.get(c);
            double denominator = vocabulary.categoryWordTotal(key) + ALPHA * vocabularySize;
            double likelihood = 0;
            for (int w = 0; w < wordCounts.size(); w++) {
                likelihood += known.get(w).weight() * Math.log((wordCounts.get(w).getOrDefault(key, 0L) + ALPHA) / denominator);
            }
            double score = likelihood * temper;
            if (similarity != null) score += config.categoryVectorWeight() * similarity[c];
            evidence[c] = score;
            withPrior[c] = score + Math.log((docs[c] + 1) / (total + n));
        }
        double[] confidence = softmax(withPrior);
        double[] support = softmax(evidence);
        // Evidence must favour a category by itself, not only through its size: with flat evidence ("black") the
        // biggest category would otherwise always be "intended".
        double gate = Math.max(config.minCategoryConfidence(), Math.min(0.5, 2.0 / n));
        List<CategoryIntent> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (confidence[c] >= config.minCategoryConfidence() && support[c] >= gate) {
                out.add(new CategoryIntent(Vocabulary.categoryPath(categories.get(c)), round(confidence[c])));
            }
        }
        out.sort(Comparator.comparingDouble(CategoryIntent::confidence).reversed()
                .thenComparing(i -> String.join(" > ", i.path())));
        double top = out.isEmpty() ? 0 : out.get(0).confidence();
        CategoryIntent ancestor = ancestor(categories, confidence, support, gate);
        // An ancestor is worth naming when it is clearly likelier than any one of its leaves ("kitchen").
        if (ancestor != null && ancestor.confidence() >= top + ANCESTOR_MARGIN) out.add(0, ancestor);
        return out.size() > config.maxCategories() ? List.copyOf(out.subList(0, config.maxCategories())) : out;
    }

    /**
     * Per category, how far the query's cosine with the category label rises above {@link #VECTOR_FLOOR}; null
     * without an embedder or when no label rises above it.
     */
    private double[] similarities(List<String> categories, String text) {
        if (vectors == null || text.isBlank() || config.categoryVectorWeight() == 0) return null;
        float[] query = vectors.query(text);
        vectors.ensure(categories.stream().map(CategoryClassifier::label).toList(), config.maxEmbeddingsPerParse());
        double[] out = new double[categories.size()];
        boolean any = false;
        for (int c = 0; c < out.length; c++) {
            float[] v = vectors.cached(label(categories.get(c)));
            if (v == null) continue;
            out[c] = Math.max(0, VectorCache.dot(query, v) - VECTOR_FLOOR);
            any |= out[c] > 0;
        }
        return any ? out : null;
    }

    /** The deepest shared ancestor of several categories whose summed confidence is high enough, or null. */
    private static CategoryIntent ancestor(List<String> categories, double[] confidence, double[] support, double gate) {
        Map<List<String>, double[]> sums = new HashMap<>();
        Map<List<String>, Integer> children = new HashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            List<String> path = Vocabulary.categoryPath(categories.get(c));
            for (int depth = 1; depth < path.size(); depth++) {
                List<String> prefix = List.copyOf(path.subList(0, depth));
                double[] s = sums.computeIfAbsent(prefix, k -> new double[2]);
                s[0] += confidence[c];
                s[1] += support[c];
                children.merge(prefix, 1, Integer::sum);
            }
        }
        List<String> best = null;
        for (Map.Entry<List<String>, double[]> e : sums.entrySet()) {
            List<String> prefix = e.getKey();
            double[] s = e.getValue();
            int n = children.get(prefix);
            // Under flat evidence an ancestor's support is its share of the categories; it must clearly beat that.
            double needed = Math.max(ANCESTOR_CONFIDENCE, Math.min(0.9, 1.5 * n / categories.size()));
            if (n < 2 || s[0] < ANCESTOR_CONFIDENCE || s[1] < Math.max(gate, needed)) continue;
            if (best == null || prefix.size() > best.size()
                    || prefix.size() == best.size() && String.join(" > ", prefix).compareTo(String.join(" > ", best)) < 0) {
                best = prefix;
            }
        }
        return best == null ? null : new CategoryIntent(best, round(Math.min(1, sums.get(best)[0])));
    }

    private static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) max = Math.max(max, s);
        double sum = 0;
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = Math.exp(scores[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) out[i] /= sum;
        return out;
    }

    /** Four decimals: enough to rank, and stable to print. */
    private static double round(double p) {
        double r = Math.round(p * 10_000) / 10_000.0;
        return Math.max(0, Math.min(1, r));
    }
}
