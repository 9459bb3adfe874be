package io.aisle.bench.relevance;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Analysed terms of a text, as the index sees them, and HTML-free description text. */
final class TextAnalysis {
    private TextAnalysis() {}

    /** The terms {@code analyzer} makes of {@code text} for {@code field}, in order. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String cannot fail
        }
        return out;
    }

    /** {@code html} with tags removed and entities decoded, whitespace collapsed. */
    static String stripHtml(String html) {
        if (html == null || html.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(html.length());
        try (HTMLStripCharFilter filter = new HTMLStripCharFilter(new StringReader(html))) {
            char[] buffer = new char[4096];
            for (int n; (n = filter.read(buffer)) != -1; ) sb.append(buffer, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString().replaceAll("\\s+", " ").strip();
    }
}
