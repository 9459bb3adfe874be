package io.aisle.assistant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Classifies a message into an {@link Intent}: a multinomial naive Bayes model over word unigrams and bigrams, trained
 * when built from a labelled phrase set ({@code intents.tsv} in this package's resources), then a few rules that know
 * the conversation (a reference to "the second one" asks about something shown; "compare" needs two things). The
 * model is small enough to train in milliseconds, so it is trained at start rather than stored.
 */
public final class IntentClassifier {
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9$€£]+(?:'[a-z]+)?");
    private static final double ALPHA = 0.5;
    private static final Pattern POLICY_CUE = Pattern.compile(
            "\\b(shipping|ship|delivery|deliver|returns?|refunds?|my order|orders|parcel|package|track|payment|pay|cancel|exchange|send it back|opening hours|customer service)\\b");
    private static final Pattern SEARCH_CUE = Pattern.compile("\\b(show|find|looking|shopping|recommend|suggest|under|below|cheap|best)\\b|[$€£]\\d");
    private static final Pattern REFINE_CUE = Pattern.compile(
            "^(only|just|what about|how about|and|but|instead|narrow|same|those|these|any in|in )|\\b(instead|only|narrow it|narrow it down|cheaper|less expensive|ones)\\b");

    private final Map<Intent, Map<String, Integer>> counts = new EnumMap<>(Intent.class);
    private final Map<Intent, Integer> totals = new EnumMap<>(Intent.class);
    private final Map<Intent, Integer> docs = new EnumMap<>(Intent.class);
    private final Set<String> vocabulary = new HashSet<>();
    private final int examples;

    /** What the classifier decided and how sure the model was (the posterior of the chosen class before rules). */
    public record Classified(Intent intent, double confidence, boolean byRule) {}

    /** A labelled phrase. */
    public record Example(Intent intent, String text) {}

    public IntentClassifier(List<Example> training) {
        for (Intent i : Intent.values()) {
            counts.put(i, new HashMap<>());
            totals.put(i, 0);
            docs.put(i, 0);
        }
        for (Example e : training) {
            docs.merge(e.intent(), 1, Integer::sum);
            for (String f : features(e.text())) {
                counts.get(e.intent()).merge(f, 1, Integer::sum);
                totals.merge(e.intent(), 1, Integer::sum);
                vocabulary.add(f);
            }
        }
        this.examples = training.size();
        if (examples == 0) throw new IllegalArgumentException("the intent classifier needs training examples");
    }

    /** A classifier trained on the phrase set shipped with the assistant. */
    public static IntentClassifier standard() { return new IntentClassifier(shippedExamples()); }

    /** The labelled phrases shipped in {@code intents.tsv}: "intent TAB text" per line, '#' comments. */
    public static List<Example> shippedExamples() {
        List<Example> out = new ArrayList<>();
        try (InputStream in = IntentClassifier.class.getResourceAsStream("intents.tsv")) {
            if (in == null) throw new IllegalStateException("intents.tsv is missing from the assistant's resources");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t", 2);
                out.add(new Example(Intent.valueOf(parts[0].strip().toUpperCase(Locale.ROOT)), parts[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The model's most likely intent, then the rules that look at the conversation. */
    public Classified classify(String message, Context context) {
        String text = message.toLowerCase(Locale.ROOT);
        Map<Intent, Double> scores = scores(text);
        Intent best = Intent.FIND;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (var e : scores.entrySet()) {
            if (e.getValue() > bestScore) {
                bestScore = e.getValue();
                best = e.getKey();
            }
        }
        double norm = 0;
        for (double s : scores.values()) norm += Math.exp(s - bestScore);
        double confidence = 1 / norm;
        Intent ruled = rules(text, best, context);
        return new Classified(ruled, confidence, ruled != best);
    }

    /** What the conversation offers the rules. */
    public record Context(boolean hasShown, boolean hasSearch) {}

    private Intent rules(String text, Intent model, Context context) {
        boolean reference = References.mentionsShown(text);
        // Without anything shown, there is nothing to compare, refine or ask about: the shopper is searching.
        if (!context.hasShown() && (model == Intent.COMPARE || model == Intent.QUESTION)) {
            return reference ? model : Intent.FIND;
        }
        if (!context.hasSearch() && model == Intent.REFINE) return Intent.FIND;
        // After a search, a short message with a narrowing cue changes that search rather than starting another.
        boolean swap = text.matches("^(how|what) about\\b.*") || text.matches(".*\\binstead\\b.*");
        if (context.hasSearch() && (model == Intent.FIND || model == Intent.COMPARE || model == Intent.POLICY || (model == Intent.QUESTION && swap))
                && REFINE_CUE.matcher(text).find() && text.split("\\s+").length <= 8 && References.positions(text).isEmpty()) {
            return Intent.REFINE;
        }
        if ((model == Intent.FIND || model == Intent.QUESTION) && POLICY_CUE.matcher(text).find() && !SEARCH_CUE.matcher(text).find()) {
            return Intent.POLICY;
        }
        if (context.hasShown() && (text.contains("compare") || text.matches(".*\\b(vs\\.?|versus)\\b.*")
                || text.matches(".*\\b(difference|differences) between\\b.*"))) {
            return Intent.COMPARE;
        }
        return model;
    }

    private Map<Intent, Double> scores(String text) {
        List<String> features = features(text);
        Map<Intent, Double> out = new EnumMap<>(Intent.class);
        int v = vocabulary.size() + 1;
        for (Intent i : Intent.values()) {
            int d = docs.get(i);
            if (d == 0) continue;
            double s = Math.log((double) d / examples);
            Map<String, Integer> c = counts.get(i);
            double denominator = Math.log(totals.get(i) + ALPHA * v);
            for (String f : features) {
                if (!vocabulary.contains(f)) continue; // unseen words say nothing about any class
                s += Math.log(c.getOrDefault(f, 0) + ALPHA) - denominator;
            }
            out.put(i, s);
        }
        return out;
    }

    /** Lower-case word unigrams and bigrams; numbers become one token so "under 50" and "under 900" look alike. */
    static List<String> features(String text) {
        List<String> words = new ArrayList<>();
        var m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            words.add(w.matches("[$€£]?\\d+[a-z]*") ? "<num>" : w);
        }
        List<String> out = new ArrayList<>(words);
        for (int k = 0; k + 1 < words.size(); k++) out.add(words.get(k) + " " + words.get(k + 1));
        return out;
    }
}
