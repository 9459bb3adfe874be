package io.aisle.content.gate;

import io.aisle.content.ContentKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Search: the primary keyword appears where it counts (title, meta description, product description) and no word is
 * stuffed (a content word more than {@link #MAX_SHARE} of the words, or the keyword more than three times).
 */
public final class SeoGate implements QualityGate {
    public static final String NAME = "seo";
    static final double MAX_SHARE = 0.08;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "in", "of", "for", "to", "it", "is",
            "with", "from", "on", "at", "its", "your", "you", "de", "la", "le", "et", "en", "und", "für", "aus", "y", "el", "por", "para");

    @Override public String name() { return NAME; }

    @Override public GateResult check(Draft draft) {
        List<Finding> findings = new ArrayList<>();
        String lower = draft.text().toLowerCase(Locale.ROOT);
        String keyword = draft.keyword().toLowerCase(Locale.ROOT);
        boolean needsKeyword = draft.kind() == ContentKind.SEO_TITLE || draft.kind() == ContentKind.META_DESCRIPTION
                || draft.kind() == ContentKind.DESCRIPTION;
        if (needsKeyword && !keyword.isEmpty() && !VoiceGate.containsPhrase(lower, keyword)) {
            findings.add(new Finding(NAME, "keyword_missing", "mention '" + draft.keyword() + "'"));
        }
        List<String> tokens = WORD.matcher(lower).results().map(java.util.regex.MatchResult::group).toList();
        int allowed = Math.max(4, tokens.size() / 15);
        if (!keyword.isEmpty() && count(tokens, keyword) > allowed) {
            findings.add(new Finding(NAME, "keyword_stuffing", "mention '" + draft.keyword() + "' at most " + allowed + " times"));
        }
        Map<String, Integer> counts = new HashMap<>();
        int words = tokens.size();
        for (String t : tokens) if (!STOP.contains(t) && t.length() > 2) counts.merge(t, 1, Integer::sum);
        if (words >= 30) {
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getValue() > 4 && e.getValue() > MAX_SHARE * words && !e.getKey().equals(keyword)
                        && !draft.support().inName(e.getKey())) {
                    findings.add(new Finding(NAME, "stuffing", "repeat '" + e.getKey() + "' less (" + e.getValue() + " times in " + words + " words)"));
                }
            }
        }
        return GateResult.of(NAME, findings);
    }

    /** Occurrences of the phrase's words, in order, among the tokens. */
    private static int count(List<String> tokens, String phrase) {
        List<String> words = WORD.matcher(phrase).results().map(java.util.regex.MatchResult::group).toList();
        if (words.isEmpty()) return 0;
        int n = 0;
        for (int i = 0; i + words.size() <= tokens.size(); i++) if (tokens.subList(i, i + words.size()).equals(words)) n++;
        return n;
    }
}
