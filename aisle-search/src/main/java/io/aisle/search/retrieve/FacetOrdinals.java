package io.aisle.search.retrieve;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values of a facet field in each segment, by ordinal, decoded once per segment and dropped when the segment
 * closes, so counting facets decodes no strings per query. For the attribute field, whose values sort as name, a
 * separator, then value, it also records which attribute each ordinal belongs to. Each document's ordinals are
 * decoded once too, into flat arrays (four bytes per document and value): counting a broad query's tens of thousands
 * of matches then reads plain arrays instead of decoding doc values per match. Facet doc values are never updated in
 * place, so a segment's core is a sound cache key.
 */
final class FacetOrdinals {
    private static final byte SEPARATOR = 0x1F;

    /**
     * @param values         the value of each ordinal (for attributes: without the name)
     * @param attributeOfOrd for attributes, the attribute index of each ordinal (-1 when malformed); else null
     * @param names          for attributes, the names by index; else empty
     * @param docStart       per document, where its ordinals start in {@code docOrds}; one entry more than documents
     * @param docOrds        every document's ordinals, in document order
     * @param ordOfDoc       when no document has more than one value (brand, category): each document's ordinal, -1
     *                       for none, so counting reads one array; else null
     */
    record Segment(String[] values, int[] attributeOfOrd, List<String> names, int[] docStart, int[] docOrds, int[] ordOfDoc) {}

    private record Key(IndexReader.CacheKey segment, String field) {}

    private final Map<Key, Segment> cache = new ConcurrentHashMap<>();

    Segment of(LeafReader reader, String field, boolean attributes) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) return build(reader, field, attributes);
        Key key = new Key(helper.getKey(), field);
        Segment cached = cache.get(key);
        if (cached != null) return cached;
        Segment built = build(reader, field, attributes);
        if (cache.putIfAbsent(key, built) == null) helper.addClosedListener(closed -> cache.keySet().removeIf(k -> k.segment() == closed));
        return built;
    }

    private static Segment build(LeafReader reader, String field, boolean attributes) throws IOException {
        SortedSetDocValues dv = DocValues.getSortedSet(reader, field);
        int count = (int) dv.getValueCount();
        String[] values = new String[count];
        int[] attributeOfOrd = attributes ? new int[count] : null;
        List<String> names = new ArrayList<>();
        TermsEnum te = dv.termsEnum();
        BytesRef previous = null;
        int ord = 0;
        for (BytesRef term = te.next(); term != null && ord < count; term = te.next(), ord++) {
            int cut = attributes ? indexOf(term, SEPARATOR) : -1;
            if (!attributes || cut < 0) {
                values[ord] = term.utf8ToString();
                if (attributes) attributeOfOrd[ord] = -1;
                continue;
            }
            BytesRef name = new BytesRef(term.bytes, term.offset, cut);
            if (previous == null || !previous.bytesEquals(name)) {
                previous = BytesRef.deepCopyOf(name);
                names.add(previous.utf8ToString());
            }
            attributeOfOrd[ord] = names.size() - 1;
            values[ord] = new BytesRef(term.bytes, term.offset + cut + 1, term.length - cut - 1).utf8ToString();
        }
        int maxDoc = reader.maxDoc();
        int[] docStart = new int[maxDoc + 1];
        int[] docOrds = new int[Math.max(16, maxDoc)];
        int size = 0;
        SortedSetDocValues docs = DocValues.getSortedSet(reader, field);
        int last = 0;
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            while (last < doc) docStart[++last] = size;
            int n = docs.docValueCount();
            if (size + n > docOrds.length) docOrds = Arrays.copyOf(docOrds, Math.max(size + n, docOrds.length + (docOrds.length >> 1)));
            for (int k = 0; k < n; k++) docOrds[size++] = (int) docs.nextOrd();
        }
        while (last < maxDoc) docStart[++last] = size;
        return new Segment(values, attributeOfOrd, List.copyOf(names), docStart, Arrays.copyOf(docOrds, size),
                singleValued(docStart, docOrds));
    }

    private static int[] singleValued(int[] docStart, int[] docOrds) {
        int maxDoc = docStart.length - 1;
        int[] out = new int[maxDoc];
        for (int doc = 0; doc < maxDoc; doc++) {
            int n = docStart[doc + 1] - docStart[doc];
            if (n > 1) return null;
            out[doc] = n == 0 ? -1 : docOrds[docStart[doc]];
        }
        return out;
    }

    private static int indexOf(BytesRef b, byte target) {
        for (int i = 0; i < b.length; i++) if (b.bytes[b.offset + i] == target) return i;
        return -1;
    }
}
