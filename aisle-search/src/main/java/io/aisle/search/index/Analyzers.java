package io.aisle.search.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.regex.Pattern;

import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.*;

/**
 * The analysers of the product index. Text is split on whitespace after punctuation is dropped and numbers are joined
 * to their units ("16 GB" and "16gb" to 16gb; the index also keeps 16 and gb); model numbers are indexed whole, in parts and joined ("TN-2110": tn-2110, tn,
 * 2110, tn2110) while queries join them ("tn 2110" matches the parts, "tn2110" and "TN-2110" the joined form). Then
 * lower-casing, ASCII folding, English stop words (without leaving position holes, so "case for iphone" is a phrase
 * of "case iphone") and KStem. Queries alone expand synonyms (a graph, rules stemmed like the queries).
 */
public final class Analyzers {
    private static final String SYNONYMS = "/io/aisle/search/synonyms.txt";
    private static final Pattern INCH_MARK = Pattern.compile("(\\p{N})\\s*(?:\"|''|\u201D)");
    private static final Pattern PUNCTUATION =
            Pattern.compile("[^\\p{L}\\p{N}\\s\\-/'&+.]|(?<!\\p{N})\\.|\\.(?!\\p{N})");
    /**
     * A number and its unit become one token, with or without a space ("16 GB", "16gb": 16gb), so a size is one
     * selective term rather than two common ones; the index also holds the parts. Units that are also words or
     * letters ("in", "m", "h") join only when written joined: "2 in 1" stays three words.
     */
    private static final Pattern UNIT = Pattern.compile(
            "(?i)(\\p{N})(?:\\s?(gb|tb|mb|kb|mm|cm|inch|inches|kg|lbs?|oz|mah|mp|kw|hz|khz|mhz|ghz|hrs|ml|fps|dpi)"
            + "|(m|in|g|w|v|h|l|bar|lb|hr))(?![\\p{L}\\p{N}])");
    private static final int INDEX_PARTS = GENERATE_WORD_PARTS | GENERATE_NUMBER_PARTS | CATENATE_ALL
            | PRESERVE_ORIGINAL | SPLIT_ON_NUMERICS | STEM_ENGLISH_POSSESSIVE;
    // One token out per token in: the query stays a linear chain that the synonym graph can read.
    private static final int QUERY_PARTS = CATENATE_ALL | SPLIT_ON_NUMERICS | STEM_ENGLISH_POSSESSIVE;

    private final Analyzer index;
    private final Analyzer query;
    private final Analyzer plain;
    private final Analyzer spell;

    private Analyzers(SynonymMap synonyms) {
        Analyzer text = new Chain(Mode.INDEX, null);
        this.spell = new Chain(Mode.SPELL, null);
        this.index = new PerFieldAnalyzerWrapper(text, Map.of(SearchFields.SPELL, spell));
        this.query = new Chain(Mode.QUERY, synonyms);
        this.plain = new Chain(Mode.QUERY, null);
    }

    /** The analysers with the bundled e-commerce synonyms. */
    public static Analyzers standard() {
        InputStream in = Analyzers.class.getResourceAsStream(SYNONYMS);
        if (in == null) throw new IllegalStateException("missing resource " + SYNONYMS);
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return withSynonyms(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analysers with synonym rules in Solr format ("tv, television" or "laptop => notebook"). */
    public static Analyzers withSynonyms(Reader rules) {
        try (Analyzer parse = new Chain(Mode.SYNONYM_RULES, null)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, parse);
            parser.parse(rules);
            return new Analyzers(parser.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("synonym rules: " + e.getMessage(), e);
        }
    }

    /** Per-field analyser for indexing: English text everywhere, plain words for {@link SearchFields#SPELL}. */
    public Analyzer index() { return index; }

    /** Query text analyser with synonym expansion (may produce a token graph). */
    public Analyzer query() { return query; }

    /** Query text analyser without synonyms: for negations and phrases, where expansion would overreach. */
    public Analyzer plain() { return plain; }

    /** Unstemmed lower-cased words, as in {@link SearchFields#SPELL}. */
    public Analyzer spell() { return spell; }

    private enum Mode { INDEX, QUERY, SYNONYM_RULES, SPELL }

    private static final class Chain extends Analyzer {
        private final Mode mode;
        private final SynonymMap synonyms;

        Chain(Mode mode, SynonymMap synonyms) {
            this.mode = mode;
            this.synonyms = synonyms;
        }

        @Override protected Reader initReader(String fieldName, Reader reader) {
            Reader r = new PatternReplaceCharFilter(INCH_MARK, "$1in ", reader);
            r = new PatternReplaceCharFilter(PUNCTUATION, " ", r);
            return new PatternReplaceCharFilter(UNIT, "$1$2$3", r);
        }

        @Override protected TokenStreamComponents createComponents(String fieldName) {
            if (mode == Mode.SPELL) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
            Tokenizer source = new WhitespaceTokenizer();
            TokenStream ts = new WordDelimiterGraphFilter(source, mode == Mode.INDEX ? INDEX_PARTS : QUERY_PARTS, null);
            if (mode == Mode.INDEX) ts = new FlattenGraphFilter(ts);
            ts = new ASCIIFoldingFilter(new LowerCaseFilter(ts));
            if (mode != Mode.SYNONYM_RULES) {
                ts = new ClosePositionHoles(new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
            }
            ts = new KStemFilter(ts);
            if (synonyms != null) ts = new SynonymGraphFilter(ts, synonyms, true);
            return new TokenStreamComponents(source, ts);
        }
    }
}
