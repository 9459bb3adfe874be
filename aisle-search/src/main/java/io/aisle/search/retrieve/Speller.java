package io.aisle.search.retrieve;

import io.aisle.search.index.SearchFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Proposes spelling corrections from the catalogue's own words ({@link SearchFields#SPELL}): only words of letters that
 * no product contains anywhere (descriptions included, stemmed) are corrected, to the closest word of product titles,
 * brands, categories and attribute values. Thread-safe.
 */
public final class Speller {
    private static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 40;
    private static final int MAX_CORRECTIONS = 4;
    private static final float ACCURACY = 0.7f;
    /** Short words get one edit, longer ones two, as for fuzzy matching; one edit is also far cheaper to look up. */
    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);
    private final Analyzer words;
    private final Analyzer stems;

    /**
     * @param words analyses text as the {@link SearchFields#SPELL} field was
     * @param stems analyses a query word as the {@link SearchFields#ALL} field holds it
     */
    public Speller(Analyzer words, Analyzer stems) {
        this.words = words;
        this.stems = stems;
    }

    private static DirectSpellChecker checker(int edits) {
        DirectSpellChecker c = new DirectSpellChecker();
        c.setMaxEdits(edits);
        c.setMinQueryLength(MIN_LENGTH);
        c.setMaxQueryLength(MAX_LENGTH);
        // Stricter than the default 0.5: "title" must not become "tote".
        c.setAccuracy(ACCURACY);
        return c;
    }

    /** {@code text} with its unknown words corrected, or null when there was nothing to correct. */
    public String correct(IndexReader reader, String text) {
        if (text == null || text.isBlank()) return null;
        StringBuilder out = new StringBuilder(text);
        int shift = 0;
        int corrections = 0;
        try (TokenStream ts = words.tokenStream(SearchFields.SPELL, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken() && corrections < MAX_CORRECTIONS) {
                String word = term.toString();
                if (word.length() < MIN_LENGTH || word.length() > MAX_LENGTH || !word.chars().allMatch(Character::isLetter)) continue;
                Term t = new Term(SearchFields.SPELL, word);
                if (reader.docFreq(t) > 0 || known(reader, word)) continue;
                DirectSpellChecker checker = word.length() <= 7 ? oneEdit : twoEdits;
                SuggestWord[] suggestions = checker.suggestSimilar(t, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (suggestions.length == 0) continue;
                int start = offset.startOffset() + shift;
                int end = offset.endOffset() + shift;
                if (start < 0 || end > out.length() || start > end) continue;
                out.replace(start, end, suggestions[0].string);
                shift += suggestions[0].string.length() - (end - start);
                corrections++;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return corrections == 0 ? null : out.toString();
    }

    private boolean known(IndexReader reader, String word) throws IOException {
        List<String> stemmed = QueryTerms.analyse(stems, word).originalTerms();
        return stemmed.isEmpty() || reader.docFreq(new Term(SearchFields.ALL, stemmed.get(0))) > 0;
    }
}
