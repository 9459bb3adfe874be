package io.aisle.embeddings.text;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Product;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text embedded for a product, bounded so every product costs about the same to embed and what identifies the
 * product comes first:
 * <pre>
 * {title}. Brand: {brand}. Category: {a > b > c}. Good for: {uses}; {attr}: {value}; ... {leading description sentences}
 * </pre>
 * Attributes come in name order after {@code good_for}, at most {@code maxAttributes}; true flags are written as their
 * name ("backlit keyboard"), false flags are left out because sentence encoders read "waterproof: no" as waterproof.
 * Price, stock, images and urls are left out: they change often and say nothing about what the product is.
 *
 * @param maxChars             upper bound on the length: description sentences are added only whole and while they
 *                             fit; the rest is cut at a word boundary
 * @param maxAttributes        how many attributes to include
 * @param descriptionSentences how many leading sentences of the description to include
 */
public record ProductText(int maxChars, int maxAttributes, int descriptionSentences) {
    /** Bumped whenever the recipe changes, so vectors stored under an older recipe are rebuilt. */
    private static final int RECIPE = 2;
    private static final int MAX_VALUE_CHARS = 60;

    public ProductText {
        if (maxChars < 32) throw new IllegalArgumentException("maxChars must be at least 32, got " + maxChars);
        if (maxAttributes < 0) throw new IllegalArgumentException("maxAttributes must not be negative, got " + maxAttributes);
        if (descriptionSentences < 0) throw new IllegalArgumentException("descriptionSentences must not be negative, got " + descriptionSentences);
    }

    /**
     * 320 characters (about 70 word pieces), 6 attributes, up to 2 whole sentences of description. Encoding time grows
     * about linearly with length (README), so this bound is the main speed setting.
     */
    public static ProductText defaults() { return new ProductText(320, 6, 2); }

    /** Identifies recipe and limits; stored with the vectors so a different recipe never reuses them. */
    public String recipe() { return "v" + RECIPE + "/" + maxChars + "/" + maxAttributes + "/" + descriptionSentences; }

    /** The text to embed for {@code p}; never blank, since the title is required. */
    public String of(Product p) {
        StringBuilder sb = new StringBuilder(maxChars + 64);
        sentence(sb, p.title().strip());
        if (p.brand() != null && !p.brand().isBlank()) sentence(sb, "Brand: " + p.brand().strip());
        if (!p.categoryPath().isEmpty()) sentence(sb, "Category: " + String.join(" > ", p.categoryPath()));
        List<String> attributes = attributes(p.attributes());
        if (!attributes.isEmpty()) sentence(sb, String.join("; ", attributes));
        // Whole description sentences only, while they fit: a sentence cut in half adds words but little meaning.
        for (String s : leadingSentences(p.description(), descriptionSentences)) {
            if (sb.length() + 2 + s.length() > maxChars) break;
            sentence(sb, s);
        }
        String text = sb.toString().strip();
        return text.isEmpty() ? p.id().value() : cut(text, maxChars);
    }

    /** A 64-bit hash of a text, to tell whether a product's embedded text changed without keeping the text. */
    public static long hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) h = (h << 8) | (d[i] & 0xFF);
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private List<String> attributes(Map<String, AttributeValue> attrs) {
        List<String> out = new ArrayList<>();
        AttributeValue uses = attrs.get("good_for");
        if (uses != null) out.add("Good for: " + clip(uses.display()));
        for (Map.Entry<String, AttributeValue> e : attrs.entrySet()) {
            if (out.size() >= maxAttributes) break;
            if (e.getKey().equals("good_for")) continue;
            String name = e.getKey().replace('_', ' ');
            switch (e.getValue()) {
                case AttributeValue.Flag f -> { if (f.value()) out.add(name); }
                case AttributeValue v -> {
                    String shown = v.display().strip();
                    if (!shown.isEmpty()) out.add(name + ": " + clip(shown));
                }
            }
        }
        return out.subList(0, Math.min(out.size(), maxAttributes));
    }

    static List<String> leadingSentences(String text, int n) {
        List<String> out = new ArrayList<>(n);
        int start = 0;
        String t = text.strip();
        for (int i = 0; i < t.length() && out.size() < n; i++) {
            char c = t.charAt(i);
            boolean end = (c == '.' || c == '!' || c == '?') && (i + 1 == t.length() || Character.isWhitespace(t.charAt(i + 1)));
            if (end) {
                out.add(t.substring(start, i + 1).strip());
                start = i + 1;
            }
        }
        if (out.size() < n && start < t.length() && !t.substring(start).isBlank()) out.add(t.substring(start).strip());
        return out;
    }

    private static void sentence(StringBuilder sb, String s) {
        if (s.isEmpty()) return;
        if (!sb.isEmpty()) sb.append(' ');
        sb.append(s);
        char last = s.charAt(s.length() - 1);
        if (last != '.' && last != '!' && last != '?') sb.append('.');
    }

    private static String clip(String s) { return s.length() <= MAX_VALUE_CHARS ? s : cut(s, MAX_VALUE_CHARS); }

    private static String cut(String s, int max) {
        if (s.length() <= max) return s;
        int space = s.lastIndexOf(' ', max);
        return (space > max / 2 ? s.substring(0, space) : s.substring(0, max)).strip();
    }
}
