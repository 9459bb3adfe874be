package io.aisle.ingest.catalog;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.regex.Pattern;

/**
 * Product copy written as HTML (Shopify "Body (HTML)", Magento descriptions) as plain text: tags dropped,
 * entities decoded, one line per block element or {@code <br>}, runs of spaces collapsed. Scripts and styles
 * vanish because their content is data, not text.
 */
final class HtmlText {
    private HtmlText() {}

    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!][^>]*>|&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");

    /** Whether the text holds a tag or an entity, so plain copy is left exactly as written. */
    static boolean looksLikeHtml(String s) { return s != null && MARKUP.matcher(s).find(); }

    /** Plain text of an HTML fragment; null stays null. */
    static String toPlain(String html) {
        if (html == null) return null;
        StringBuilder out = new StringBuilder(html.length());
        Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {
            @Override public void head(Node node, int depth) {
                if (node instanceof TextNode t) appendText(out, t.getWholeText());
                else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) newline(out);
            }

            @Override public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) newline(out);
            }
        });
        return out.toString().strip();
    }

    // Whitespace in HTML source is layout, not content: collapse it, and never start a line with a space.
    private static void appendText(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '\n') out.append(' ');
            } else {
                out.append(c);
            }
        }
    }

    private static void newline(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') out.append('\n');
    }
}
