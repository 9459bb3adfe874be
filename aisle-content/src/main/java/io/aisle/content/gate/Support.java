package io.aisle.content.gate;

import io.aisle.core.port.GroundingFact;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a text may claim, built from grounding facts: every value as lower-case words, every number, and the
 * original-case tokens (for sizes such as {@code XL}). Reviews, peers and search terms are left out: they are not
 * facts about the subject.
 */
public final class Support {
    private static final Set<String> NOT_CLAIMS = Set.of("review", "peer", "seo_term", "segment");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Set<String> words = new HashSet<>();
    private final Set<String> nameWords = new HashSet<>();
    private final Set<String> tokens = new HashSet<>();
    private final Set<BigDecimal> numbers = new HashSet<>();
    private final String text;

    private Support(List<GroundingFact> facts) {
        StringBuilder b = new StringBuilder();
        for (GroundingFact f : facts) {
            if (NOT_CLAIMS.contains(f.name())) continue;
            b.append(f.value()).append('\n');
            if (f.name().equals("name")) {
                Matcher nm = WORD.matcher(f.value());
                while (nm.find()) nameWords.add(nm.group().toLowerCase(Locale.ROOT));
            }
            if (f.name().startsWith("feature.")) b.append(f.name().substring(8).replace('_', ' ')).append('\n');
        }
        this.text = b.toString();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        numbers.addAll(Claims.numbersIn(text));
    }

    public static Support of(List<GroundingFact> facts) { return new Support(facts); }

    /** Whether a lower-case word occurs in some fact. */
    public boolean hasWord(String lowerWord) { return words.contains(lowerWord); }

    /** Whether a lower-case word is part of a product name: names repeat by necessity, so they are not stuffing. */
    public boolean inName(String lowerWord) { return nameWords.contains(lowerWord); }

    /** Whether a token occurs, case kept, in some fact. */
    public boolean hasToken(String token) { return tokens.contains(token); }

    /** Whether the number equals one in some fact (52 matches 52.00). */
    public boolean hasNumber(BigDecimal n) {
        for (BigDecimal x : numbers) if (x.compareTo(n) == 0) return true;
        return false;
    }

    /** The facts' values, one a line. */
    public String text() { return text; }
}
