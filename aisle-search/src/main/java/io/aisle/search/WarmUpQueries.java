package io.aisle.search;

import io.aisle.core.search.SearchRequest;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Search texts made from indexed products, shaped like shoppers' searches: a title, a title's first words with a price
 * ceiling ("trail running under 150"), and a title with a typo. Products are taken evenly over the index, so the texts
 * cover its brands and categories. Deterministic.
 */
final class WarmUpQueries {
    private static final int SHAPES = 3;
    /** Longer titles are left out: a search text is at most {@link SearchRequest#MAX_QUERY_CHARS}, and a typo adds none. */
    private static final int MAX_CHARS = SearchRequest.MAX_QUERY_CHARS - 20;

    private WarmUpQueries() {}

    /** {@code count} texts; products are reused, each in another shape, when the index has fewer than {@code count}. */
    static List<String> of(IndexSearcher searcher, StoredHits stored, int count) {
        IndexReader reader = searcher.getIndexReader();
        int maxDoc = reader.maxDoc();
        if (maxDoc == 0 || count <= 0) return List.of();
        int products = Math.min(maxDoc, Math.ceilDiv(count, SHAPES));
        List<Integer> docs = new ArrayList<>(products);
        for (int i = 0; i < products; i++) docs.add((int) ((long) i * maxDoc / products));
        List<StoredHits.Stored> hits = stored.read(searcher, liveOnly(reader, docs)).stream()
                .filter(h -> h.title() != null && !h.title().isBlank() && h.title().length() <= MAX_CHARS)
                .toList();
        if (hits.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StoredHits.Stored hit = hits.get(i % hits.size());
            out.add(switch ((i + i / hits.size()) % SHAPES) {
                case 0 -> hit.title();
                case 1 -> withCeiling(hit.title(), hit.price());
                default -> withTypo(hit.title());
            });
        }
        return out;
    }

    private static List<Integer> liveOnly(IndexReader reader, List<Integer> docs) {
        if (!reader.hasDeletions()) return docs;
        Bits live = MultiBits.getLiveDocs(reader);
        return docs.stream().filter(d -> live == null || live.get(d)).toList();
    }

    /** The title's first two words and "under" a fifth above the price, rounded to 10. */
    static String withCeiling(String title, String price) {
        String[] words = title.strip().split("\\s+");
        String head = words.length <= 2 ? title.strip() : words[0] + " " + words[1];
        try {
            BigDecimal amount = new BigDecimal(price.strip().split("\\s+")[0]);
            BigDecimal ceiling = amount.multiply(BigDecimal.valueOf(1.2)).divide(BigDecimal.TEN, 0, RoundingMode.CEILING)
                    .multiply(BigDecimal.TEN);
            return head.toLowerCase(Locale.ROOT) + " under " + ceiling.toPlainString();
        } catch (RuntimeException e) {
            return head; // no usable price stored: the words alone
        }
    }

    /** The title with two neighbouring letters of its longest word swapped. */
    static String withTypo(String title) {
        String[] words = title.strip().toLowerCase(Locale.ROOT).split("\\s+");
        int longest = 0;
        for (int i = 1; i < words.length; i++) if (words[i].length() > words[longest].length()) longest = i;
        String w = words[longest];
        if (w.length() >= 4) {
            int k = w.length() / 2;
            words[longest] = w.substring(0, k - 1) + w.charAt(k) + w.charAt(k - 1) + w.substring(k + 1);
        }
        return String.join(" ", words);
    }
}
