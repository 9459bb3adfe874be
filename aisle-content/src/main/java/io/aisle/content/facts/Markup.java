package io.aisle.content.facts;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cleans catalogue values of HTML entities and tags, so copy and checks see the text a shopper would read. */
public final class Markup {
    private static final Pattern ENTITY = Pattern.compile("&(#?[A-Za-z0-9]+);");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Map<String, String> NAMED = Map.of(
            "trade", "™", "reg", "®", "copy", "©", "amp", "&", "frac14", "¼", "frac12", "½", "frac34", "¾",
            "quot", "\"", "nbsp", " ", "bull", "•");

    private Markup() {}

    /** {@code value} with tags removed and entities decoded; unknown entities are dropped. */
    public static String clean(String value) {
        String noTags = TAG.matcher(value).replaceAll(" ");
        Matcher m = ENTITY.matcher(noTags);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String decoded;
            if (name.startsWith("#")) {
                try {
                    decoded = new String(Character.toChars(Integer.parseInt(name.substring(1))));
                } catch (IllegalArgumentException e) {
                    decoded = "";
                }
            } else {
                decoded = NAMED.getOrDefault(name, "");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(b);
        return b.toString().replaceAll("\\s+", " ").strip();
    }
}
