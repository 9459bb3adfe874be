package io.aisle.assistant;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spots messages (and catalogue text) that try to steer the assistant away from shopping: requests for its
 * instructions, configuration, keys, other shoppers' data or admin actions, and the usual "ignore your instructions"
 * openings. The assistant holds none of these things; refusing early keeps the answer polite and the log clear.
 */
public final class Guard {
    private static final Pattern HOSTILE = Pattern.compile(String.join("|",
            "\\bignore\\b.{0,40}\\b(instructions?|rules|prompt|above|previous)\\b",
            "\\b(disregard|forget|override)\\b.{0,40}\\b(instructions?|rules|prompt)\\b",
            "\\bsystem\\s*prompt\\b", "\\b(hidden|secret|initial)\\s+(instructions?|prompt)\\b",
            "\\bdeveloper\\s+mode\\b", "\\bjailbreak", "\\bpretend\\s+(you|to\\s+be)\\b", "\\byou\\s+are\\s+now\\b",
            "\\bapi[\\s_-]?keys?\\b", "\\b(admin|administrator)\\b", "\\bpasswords?\\b", "\\bcredentials?\\b",
            "\\b(access|auth|bearer)\\s+tokens?\\b", "\\bsecrets?\\b", "\\benv(ironment)?\\s+variables?\\b",
            "\\b(configuration|config)\\b", "\\bsk-[a-z0-9]{6,}",
            "\\b(other|another|all)\\s+(customers?|shoppers?|users?)('s|s')?\\b.{0,40}\\b(data|orders?|e-?mails?|address(es)?|details|profiles?|history|accounts?|purchases|info(rmation)?|names?|buy|bought)\\b",
            "\\b(delete|drop|erase|wipe)\\s+(all|every|the)\\b", "\\bdrop\\s+table\\b"));

    private Guard() {}

    /** Whether the text tries to reach beyond shopping. */
    public static boolean hostile(String text) {
        return HOSTILE.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** Catalogue text made safe to quote as data: control characters gone, hostile text withheld. */
    public static String dataOnly(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        return hostile(clean) ? "[text withheld]" : clean;
    }
}
