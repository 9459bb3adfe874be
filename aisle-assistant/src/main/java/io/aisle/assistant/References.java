package io.aisle.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads how a message points at products already shown: ordinals ("the second one", "#3"), "the first two", "it". */
final class References {
    private References() {}

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("1st", 1), Map.entry("second", 2), Map.entry("2nd", 2),
            Map.entry("third", 3), Map.entry("3rd", 3), Map.entry("fourth", 4), Map.entry("4th", 4),
            Map.entry("fifth", 5), Map.entry("5th", 5));
    private static final Map<String, Integer> COUNTS = Map.of("two", 2, "three", 3, "four", 4, "both", 2, "2", 2, "3", 3);
    /** "last" counts only as "the last" or "last one": "how long does it last?" points at nothing. */
    private static final Pattern ORDINAL = Pattern.compile("\\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th)\\b|(?<=\\bthe )(last)\\b|\\b(last)(?= (?:one|option|item)\\b)");
    private static final Pattern NUMBERED = Pattern.compile("(?:#|\\bnumber\\s+|\\boption\\s+|\\bno\\.\\s*)([1-9])\\b");
    private static final Pattern FIRST_N = Pattern.compile("\\b(?:first|top)\\s+(two|three|four|2|3)\\b");
    private static final Pattern PRONOUN = Pattern.compile("\\b(it|its|that one|this one|that|this|them|these|those|they|one|ones)\\b");

    /** Whether the text points at something shown at all. */
    static boolean mentionsShown(String lower) {
        return ORDINAL.matcher(lower).find() || NUMBERED.matcher(lower).find() || PRONOUN.matcher(lower).find()
                || lower.matches(".*\\b(cheaper|cheapest|pricier|priciest|more expensive|most expensive|lighter|heavier)\\b.*");
    }

    /** 1-based positions named in order of mention ("last" is -1); "the first two" gives 1 and 2. */
    static List<Integer> positions(String lower) {
        List<Integer> out = new ArrayList<>();
        Matcher n = FIRST_N.matcher(lower);
        if (n.find()) {
            int count = COUNTS.get(n.group(1));
            for (int k = 1; k <= count; k++) out.add(k);
            return out;
        }
        Matcher m = ORDINAL.matcher(lower);
        while (m.find()) {
            String w = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            int p = w.equals("last") ? -1 : ORDINALS.get(w);
            // "first" in "first vs third" is a position; in "at first" it rarely matters for shopping.
            if (!out.contains(p)) out.add(p);
        }
        Matcher k = NUMBERED.matcher(lower);
        while (k.find()) {
            int p = Integer.parseInt(k.group(1));
            if (!out.contains(p)) out.add(p);
        }
        return out;
    }

    /** "both"/"these two"/"them": how many shown products the message means at once, or 0. */
    static int groupSize(String lower) {
        if (lower.matches(".*\\b(both|these two|those two|the two|them two)\\b.*")) return 2;
        if (lower.matches(".*\\b(these three|those three|the three)\\b.*")) return 3;
        if (lower.matches(".*\\b(them|these|those|they|each)\\b.*")) return -1;
        return 0;
    }

    /** Which extreme the message asks for: -1 the cheapest/lightest, 1 the dearest/heaviest, 0 none. */
    static Superlative superlative(String lower) {
        if (lower.matches(".*\\b(cheaper|cheapest|less expensive|least expensive|lower priced|budget one)\\b.*")) return Superlative.CHEAPEST;
        if (lower.matches(".*\\b(pricier|priciest|more expensive|most expensive|premium one|dearer)\\b.*")) return Superlative.DEAREST;
        return Superlative.NONE;
    }

    /** An extreme among candidates. */
    enum Superlative { NONE, CHEAPEST, DEAREST }

    static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
