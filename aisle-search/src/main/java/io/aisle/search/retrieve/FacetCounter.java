package io.aisle.search.retrieve;

import io.aisle.core.search.Facet;
import io.aisle.search.index.SearchFields;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts facet values over every match in one pass: "brand", "category" (leaf) and the attributes that describe a
 * good share of the matches with a manageable number of values, those covering most matches first. Attribute values
 * are looked up only for the attributes offered. Thread-safe.
 */
public final class FacetCounter {
    private final int maxValues;
    private final int maxAttributeFacets;
    private final double minCoverage;
    private final int maxDistinct;
    private final FacetOrdinals ordinals = new FacetOrdinals();

    /**
     * @param maxValues          most values listed per facet, most frequent first
     * @param maxAttributeFacets most attribute facets listed
     * @param minCoverage        share of matches an attribute must describe to be offered as a facet
     * @param maxDistinct        attributes with more distinct values among the matches are not offered
     */
    public FacetCounter(int maxValues, int maxAttributeFacets, double minCoverage, int maxDistinct) {
        this.maxValues = maxValues;
        this.maxAttributeFacets = maxAttributeFacets;
        this.minCoverage = minCoverage;
        this.maxDistinct = maxDistinct;
    }

    public static FacetCounter defaults() { return new FacetCounter(30, 10, 0.1, 50); }

    public List<Facet> count(IndexSearcher searcher, FixedBitSet matches) {
        long total = matches.cardinality();
        Map<String, Long> brands = new HashMap<>();
        Map<String, Long> categories = new HashMap<>();
        Map<String, long[]> attributeStats = new HashMap<>();
        List<Counts> leaves = new ArrayList<>();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                int base = leaf.docBase;
                int end = base + leaf.reader().maxDoc();
                if (DocOrder.nextSetBit(matches, base) >= end) continue;
                Counts b = new Counts(ordinals.of(leaf.reader(), SearchFields.FACET_BRAND, false));
                Counts c = new Counts(ordinals.of(leaf.reader(), SearchFields.FACET_CATEGORY, false));
                Counts a = new Counts(ordinals.of(leaf.reader(), SearchFields.FACET_ATTRIBUTES, true));
                // Word by word rather than bit by bit: a broad query's matches are dense.
                long[] words = matches.getBits();
                int lastWord = (Math.min(end, matches.length()) - 1) >> 6;
                for (int w = base >> 6; w <= lastWord; w++) {
                    long bits = words[w];
                    if (w == base >> 6) bits &= -1L << base;
                    while (bits != 0) {
                        int d = (w << 6) + Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                        if (d >= end) break;
                        b.collect(d - base);
                        c.collect(d - base);
                        a.collect(d - base);
                    }
                }
                b.mergeInto(brands);
                c.mergeInto(categories);
                a.addAttributeStats(attributeStats);
                leaves.add(a);
            }
            List<Facet> out = new ArrayList<>();
            if (!brands.isEmpty()) out.add(facet("brand", brands));
            if (!categories.isEmpty()) out.add(facet("category", categories));
            out.addAll(attributeFacets(attributeStats, leaves, total));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Attributes that pass coverage and, per segment, the distinct-value bound; then checked over all segments. */
    private List<Facet> attributeFacets(Map<String, long[]> stats, List<Counts> leaves, long total) {
        List<String> names = stats.entrySet().stream()
                .filter(e -> e.getValue()[0] >= minCoverage * total && e.getValue()[1] <= maxDistinct)
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .toList();
        Map<String, Map<String, Long>> values = new HashMap<>();
        Set<String> wanted = new HashSet<>(names);
        for (Counts leaf : leaves) leaf.attributeValues(wanted, values);
        return names.stream()
                .filter(n -> values.containsKey(n) && values.get(n).size() >= 2 && values.get(n).size() <= maxDistinct)
                .limit(maxAttributeFacets)
                .map(n -> facet(n, values.get(n)))
                .toList();
    }

    private Facet facet(String name, Map<String, Long> counts) {
        List<Facet.Value> values = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxValues)
                .map(e -> new Facet.Value(e.getKey(), e.getValue()))
                .toList();
        return new Facet(name, values);
    }

    /**
     * Per-ordinal counts of one field in one segment. Counting only increments; the ordinals seen are found afterwards
     * by one scan of the counts (a few thousand at most) instead of being tracked on every increment.
     */
    private static final class Counts {
        final FacetOrdinals.Segment segment;
        final int[] counts;
        final int[] docStart;
        final int[] docOrds;
        final int[] ordOfDoc;

        Counts(FacetOrdinals.Segment segment) {
            this.segment = segment;
            this.counts = new int[segment.values().length];
            this.docStart = segment.docStart();
            this.docOrds = segment.docOrds();
            this.ordOfDoc = segment.ordOfDoc();
        }

        void collect(int doc) {
            if (ordOfDoc != null) {
                int ord = ordOfDoc[doc];
                if (ord >= 0) counts[ord]++;
                return;
            }
            for (int k = docStart[doc], end = docStart[doc + 1]; k < end; k++) counts[docOrds[k]]++;
        }

        void mergeInto(Map<String, Long> into) {
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0) into.merge(segment.values()[ord], (long) counts[ord], Long::sum);
            }
        }

        /** Adds [products covered, distinct values in this segment] per attribute name (max of the latter). */
        void addAttributeStats(Map<String, long[]> stats) {
            int n = segment.names().size();
            long[] covered = new long[n];
            long[] distinct = new long[n];
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] == 0) continue;
                int attribute = segment.attributeOfOrd()[ord];
                if (attribute < 0) continue;
                covered[attribute] += counts[ord];
                distinct[attribute]++;
            }
            for (int a = 0; a < n; a++) {
                if (distinct[a] == 0) continue;
                long[] s = stats.computeIfAbsent(segment.names().get(a), k -> new long[2]);
                s[0] += covered[a];
                s[1] = Math.max(s[1], distinct[a]);
            }
        }

        void attributeValues(Set<String> wanted, Map<String, Map<String, Long>> into) {
            int previous = -1;
            boolean keep = false;
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] == 0) continue;
                int attribute = segment.attributeOfOrd()[ord];
                if (attribute < 0) continue;
                // Ordinals of one attribute are contiguous, so this decides about once per attribute.
                if (attribute != previous) {
                    previous = attribute;
                    keep = wanted.contains(segment.names().get(attribute));
                }
                if (!keep) continue;
                into.computeIfAbsent(segment.names().get(attribute), k -> new HashMap<>())
                        .merge(segment.values()[ord], (long) counts[ord], Long::sum);
            }
        }
    }
}
