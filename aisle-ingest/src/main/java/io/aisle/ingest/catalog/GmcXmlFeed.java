package io.aisle.ingest.catalog;

import io.aisle.ingest.RowError;
import io.aisle.ingest.text.Utf8;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Google Merchant Center XML feed, streamed: RSS 2.0 {@code <item>} or Atom {@code <entry>} elements whose children
 * are GMC attributes in the {@code g:} namespace. The plain RSS/Atom {@code title}, {@code link} (Atom: its
 * {@code href}) and {@code description} (Atom: {@code summary}) stand in when no {@code g:} version is given. A
 * nested attribute such as {@code g:shipping} is kept as its parts joined by ":" ("US:Standard:4.95 USD"). DTDs and
 * external entities are refused. Broken XML ends the read with an error at its line, as nothing after it can be
 * trusted.
 */
final class GmcXmlFeed implements FeedReader {
    static final String G = "http://base.google.com/ns/1.0";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int MAX_FIELDS = 1_000;

    @Override public void read(InputStream in, ImportOptions options, FeedSink sink) throws IOException {
        XMLStreamReader xml = null;
        long line = 1;
        try {
            xml = factory().createXMLStreamReader(Utf8.withoutBom(in));
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) continue;
                String name = xml.getLocalName();
                boolean record = name.equals("item") && !G.equals(xml.getNamespaceURI())
                        || name.equals("entry") && ATOM.equals(xml.getNamespaceURI());
                if (!record) continue;
                line = xml.getLocation().getLineNumber();
                if (!sink.row(line)) return;
                Map<String, List<String>> item = item(xml, line, sink);
                if (item != null) sink.product(GmcFields.product(line, item, options));
            }
        } catch (XMLStreamException e) {
            // Woodstox wraps stream failures too: a failing disk is not the merchant's malformed file.
            if (e.getNestedException() instanceof IOException io && !(io instanceof java.io.CharConversionException)
                    && !(io instanceof java.nio.charset.CharacterCodingException)) {
                throw io;
            }
            long at = e.getLocation() != null && e.getLocation().getLineNumber() > 0 ? e.getLocation().getLineNumber() : line;
            sink.error(at, RowError.RECORD, "is not well-formed XML (" + shortMessage(e) + ")");
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader that already failed has nothing more to tell
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        // Woodstox (the implementation jackson-dataformat-xml brings) can bound text and depth; others may not.
        setIfSupported(f, "com.ctc.wstx.maxTextLength", MAX_RECORD);
        setIfSupported(f, "com.ctc.wstx.maxElementDepth", 64);
        // Lazy parsing would surface syntax errors later as unchecked exceptions; eager parsing throws them here.
        setIfSupported(f, "com.ctc.wstx.lazyParsing", false);
        return f;
    }

    private static void setIfSupported(XMLInputFactory f, String property, Object value) {
        if (f.isPropertySupported(property)) f.setProperty(property, value);
    }

    /** The item's attributes by lower-case name, {@code g:} ones winning over plain RSS/Atom ones; null if too big. */
    private static Map<String, List<String>> item(XMLStreamReader xml, long line, FeedSink sink) throws XMLStreamException {
        Map<String, List<String>> google = new LinkedHashMap<>();
        Map<String, List<String>> plain = new LinkedHashMap<>();
        int fields = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) break;
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            String name = xml.getLocalName().toLowerCase(Locale.ROOT);
            boolean isGoogle = G.equals(xml.getNamespaceURI());
            String rel = xml.getAttributeValue(null, "rel");
            // An Atom entry may link to itself or to enclosures too; the product page is the "alternate" link.
            String href = name.equals("link") && !isGoogle && (rel == null || rel.equals("alternate"))
                    ? xml.getAttributeValue(null, "href") : null;
            boolean otherLink = name.equals("link") && !isGoogle && rel != null && !rel.equals("alternate");
            String value = value(xml);
            if (href != null && value.isEmpty()) value = href;
            if (otherLink) continue;
            if (++fields > MAX_FIELDS) {
                skipRest(xml);
                sink.error(line, RowError.RECORD, "has more than " + MAX_FIELDS + " attributes");
                return null;
            }
            if (isGoogle) google.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            else if (name.equals("summary")) plain.computeIfAbsent("description", k -> new ArrayList<>()).add(value);
            else if (name.equals("title") || name.equals("link") || name.equals("description")) {
                plain.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        plain.forEach(google::putIfAbsent);
        return google;
    }

    /** The element's text, or its child elements' texts joined by ":"; leaves the reader on its end tag. */
    private static String value(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        List<String> parts = new ArrayList<>();
        StringBuilder part = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth == 2) part = new StringBuilder();
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth == 1 && part != null) {
                        parts.add(part.toString().strip());
                        part = null;
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    StringBuilder into = depth == 1 ? text : part;
                    if (into != null && into.length() < MAX_RECORD) into.append(xml.getText());
                }
                default -> { }
            }
        }
        return parts.isEmpty() ? text.toString().strip() : String.join(":", parts);
    }

    private static void skipRest(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    private static String shortMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? "unreadable" : e.getMessage();
        int at = m.indexOf("\n at ");
        if (at > 0) m = m.substring(0, at);
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
