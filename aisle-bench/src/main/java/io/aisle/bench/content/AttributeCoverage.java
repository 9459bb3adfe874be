package io.aisle.bench.content;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How much of a product's key attributes a text mentions, read from the raw record: an attribute counts as
 * mentioned when at least one of its values appears in the text (sizes as whole tokens, other values as
 * case-insensitive phrases, markup entities removed). Yes/no merchandising flags are not key attributes.
 */
final class AttributeCoverage {
    static final List<String> KEY_ATTRIBUTES = List.of("material", "pattern", "climate", "size_options", "color_options",
            "style_general", "style_bottom", "style_bags", "features_bags", "strap_bags", "activity", "category_gear",
            "gender", "size", "color");
    private static final Set<String> TOKEN_MATCHED = Set.of("size_options");

    /** Attributes mentioned and present, and values mentioned and present. */
    record Counts(int attributesMentioned, int attributes, int valuesMentioned, int values) {
        double attributeShare() { return attributes == 0 ? 1 : (double) attributesMentioned / attributes; }
    }

    static Counts of(JsonNode record, String text) {
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}¼½]+", " ") + " ";
        int attrs = 0, attrsHit = 0, values = 0, valuesHit = 0;
        for (String key : KEY_ATTRIBUTES) {
            JsonNode v = record.path("attributes").path(key);
            if (v.isMissingNode() || v.isNull()) continue;
            List<String> list = new ArrayList<>();
            if (v.isArray()) v.forEach(x -> list.add(x.asText())); else list.add(v.asText());
            attrs++;
            boolean any = false;
            for (String value : list) {
                values++;
                String needle = " " + decode(value).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}¼½]+", " ").strip() + " ";
                boolean hit = TOKEN_MATCHED.contains(key) ? Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(decode(value)) + "(?![\\p{L}\\p{N}])").matcher(text).find()
                        : lower.contains(needle);
                if (hit) { valuesHit++; any = true; }
            }
            if (any) attrsHit++;
        }
        return new Counts(attrsHit, attrs, valuesHit, values);
    }

    private static String decode(String s) {
        return s.replace("&frac14;", "¼").replace("&frac12;", "½").replaceAll("&[a-z0-9#]+;", "");
    }
}
