package io.aisle.content.compose;

import io.aisle.core.port.GenerationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The composer's phrase patterns for one language, read from {@code phrases_<lang>.properties} beside this class.
 * A key has variants {@code key.1}, {@code key.2}...; a seed picks one. Placeholders such as {@code {materials}} are
 * filled from facts; a capitalised placeholder ({@code {Label}}) capitalises its value.
 */
public final class Phrasebook {
    /** Languages with a phrasebook; other locales fall back to English. */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");

    private final String language;
    private final Map<String, List<String>> variants = new TreeMap<>();

    private Phrasebook(String language, Properties props) {
        this.language = language;
        Map<String, Map<Integer, String>> grouped = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            String tail = dot < 0 ? "" : key.substring(dot + 1);
            if (!tail.isEmpty() && tail.chars().allMatch(Character::isDigit)) {
                grouped.computeIfAbsent(key.substring(0, dot), k -> new TreeMap<>()).put(Integer.parseInt(tail), props.getProperty(key));
            } else {
                grouped.computeIfAbsent(key, k -> new TreeMap<>()).put(0, props.getProperty(key));
            }
        }
        grouped.forEach((k, v) -> variants.put(k, List.copyOf(v.values())));
    }

    /** The phrasebook for {@code locale}'s language, or English when there is none. */
    public static Phrasebook forLocale(Locale locale) {
        String lang = LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
        return load(lang);
    }

    static Phrasebook load(String language) {
        String name = "phrases_" + language + ".properties";
        try (InputStream in = Phrasebook.class.getResourceAsStream(name)) {
            if (in == null) throw new GenerationException("no phrasebook " + name);
            Properties props = new Properties();
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Phrasebook(language, props);
        } catch (IOException e) {
            throw new GenerationException("cannot read phrasebook " + name, e);
        }
    }

    public String language() { return language; }

    /** Whether the phrasebook has {@code key}. */
    public boolean has(String key) { return variants.containsKey(key); }

    /** One variant of {@code key}, picked by {@code pick}; empty when the key is unknown. */
    public String pick(String key, long pick) {
        List<String> list = variants.get(key);
        if (list == null || list.isEmpty()) return "";
        return list.get((int) Math.floorMod(pick, (long) list.size()));
    }

    /** The variants of {@code key}. */
    public List<String> all(String key) { return variants.getOrDefault(key, List.of()); }

    /** {@code a, b and c} in this language. */
    public String list(List<String> values) {
        if (values.isEmpty()) return "";
        if (values.size() == 1) return values.get(0);
        List<String> head = new ArrayList<>(values.subList(0, values.size() - 1));
        return String.join(", ", head) + " " + pick("and", 0) + " " + values.get(values.size() - 1);
    }

    /**
     * {@code pattern} with placeholders filled from {@code slots}; null when a placeholder has no value, so the caller
     * leaves the sentence out rather than print a gap.
     */
    public static String fill(String pattern, Map<String, String> slots) {
        StringBuilder out = new StringBuilder(pattern.length() + 64);
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            if (open < 0) { out.append(pattern, i, pattern.length()); break; }
            int close = pattern.indexOf('}', open);
            if (close < 0) { out.append(pattern, i, pattern.length()); break; }
            out.append(pattern, i, open);
            String name = pattern.substring(open + 1, close);
            boolean capital = !name.isEmpty() && Character.isUpperCase(name.charAt(0));
            String value = slots.get(capital ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name);
            if (value == null) return null;
            out.append(capital && !value.isEmpty() ? Character.toUpperCase(value.charAt(0)) + value.substring(1) : value);
            i = close + 1;
        }
        return out.toString();
    }
}
