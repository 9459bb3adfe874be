package io.aisle.content.rank;

import io.aisle.content.gate.Readability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a text about a product into model inputs: hashed word unigrams and bigrams (the words shoppers respond to)
 * plus a few dense features (length, readability, how many of the product's key attribute values it mentions).
 */
public final class TextFeatures {
    /** Hashed text buckets; dense features follow them. */
    public static final int BUCKETS = 1 << 14;
    /** Names of the dense features, in order. */
    public static final List<String> DENSE = List.of("log_words", "words_in_band", "reading_ease", "attribute_coverage",
            "exclamations", "sentences", "digits", "second_person");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Pattern YOU = Pattern.compile("\\byour?\\b");

    private TextFeatures() {}

    /** Sparse indices with values; dense features sit at {@code BUCKETS + i}. */
    public record Vector(int[] index, double[] value) {}

    public static Vector of(String text, List<String> keyValues, Locale locale) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(lower);
        while (m.find()) words.add(m.group());
        int hashed = words.size() * 2;
        int[] idx = new int[hashed + DENSE.size()];
        double[] val = new double[idx.length];
        double w = words.isEmpty() ? 0 : 1.0 / Math.sqrt(hashed);
        int k = 0;
        for (int i = 0; i < words.size(); i++) {
            idx[k] = bucket(words.get(i));
            val[k++] = w;
            idx[k] = bucket(i + 1 < words.size() ? words.get(i) + " " + words.get(i + 1) : words.get(i) + " </s>");
            val[k++] = w;
        }
        double[] dense = dense(text, lower, words.size(), keyValues, locale);
        for (int i = 0; i < dense.length; i++) {
            idx[k] = BUCKETS + i;
            val[k++] = dense[i];
        }
        return new Vector(idx, val);
    }

    /** The dense features alone, in {@link #DENSE} order. */
    public static double[] dense(String text, String lower, int words, List<String> keyValues, Locale locale) {
        int mentioned = 0;
        for (String v : keyValues) if (lower.contains(v.toLowerCase(Locale.ROOT))) mentioned++;
        double coverage = keyValues.isEmpty() ? 0 : (double) mentioned / keyValues.size();
        long digits = text.chars().filter(Character::isDigit).count();
        long sentences = text.chars().filter(c -> c == '.' || c == '!' || c == '?' || c == '\n').count();
        return new double[] {
                Math.log1p(words),
                words >= 40 && words <= 120 ? 1 : 0,
                Math.max(-1, Math.min(1.2, Readability.fleschReadingEase(text, locale) / 100)),
                coverage,
                Math.min(3, text.chars().filter(c -> c == '!').count()),
                Math.min(2, sentences / 10.0),
                text.isEmpty() ? 0 : Math.min(1, 10.0 * digits / text.length()),
                YOU.matcher(lower).find() ? 1 : 0};
    }

    private static int bucket(String token) { return Math.floorMod(token.hashCode() * 0x9E3779B1, BUCKETS); }
}
