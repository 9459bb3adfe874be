package io.aisle.content.gate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Near-duplicate detection over a catalogue's texts: word 3-shingles, 128-bin one-permutation MinHash signatures and LSH banding
 * (32 bands of 4 rows, so pairs above about 0.42 Jaccard become candidates), then the exact Jaccard of the
 * candidates' shingle sets. Thread-safe.
 */
public final class NearDuplicates {
    /** Texts at or above this Jaccard similarity of word 3-shingles are near-duplicates. */
    public static final double THRESHOLD = 0.5;
    static final int SHINGLE = 3;
    private static final int HASHES = 128;
    private static final int BANDS = 32;
    private static final int ROWS = HASHES / BANDS;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final double threshold;
    private final Map<String, long[]> shingles = new HashMap<>();
    private final Map<String, long[]> bandKeys = new HashMap<>();
    private final List<Map<Long, Set<String>>> bands = new ArrayList<>();

    public NearDuplicates(double threshold) {
        this.threshold = threshold;
        for (int b = 0; b < BANDS; b++) bands.add(new HashMap<>());
    }

    public NearDuplicates() { this(THRESHOLD); }

    /** A near-duplicate of a text. */
    public record Match(String key, double jaccard) {}

    /** Adds or replaces the text stored under {@code key}. */
    public synchronized void put(String key, String text) {
        remove(key);
        long[] set = shingles(text);
        long[] keys = bandKeys(signature(set));
        shingles.put(key, set);
        bandKeys.put(key, keys);
        for (int b = 0; b < BANDS; b++) bands.get(b).computeIfAbsent(keys[b], k -> new HashSet<>()).add(key);
    }

    public synchronized void remove(String key) {
        long[] keys = bandKeys.remove(key);
        shingles.remove(key);
        if (keys == null) return;
        for (int b = 0; b < BANDS; b++) {
            Set<String> bucket = bands.get(b).get(keys[b]);
            if (bucket != null) { bucket.remove(key); if (bucket.isEmpty()) bands.get(b).remove(keys[b]); }
        }
    }

    /** The most similar stored text (other than {@code selfKey}) at or above the threshold. */
    public synchronized Optional<Match> nearest(String selfKey, String text) {
        long[] set = shingles(text);
        long[] keys = bandKeys(signature(set));
        Set<String> candidates = new HashSet<>();
        for (int b = 0; b < BANDS; b++) {
            Set<String> bucket = bands.get(b).get(keys[b]);
            if (bucket != null) candidates.addAll(bucket);
        }
        candidates.remove(selfKey);
        Match best = null;
        for (String c : candidates) {
            double j = jaccard(set, shingles.get(c));
            if (j >= threshold && (best == null || j > best.jaccard())) best = new Match(c, j);
        }
        return Optional.ofNullable(best);
    }

    public synchronized int size() { return shingles.size(); }

    /** Jaccard similarity of two texts' word 3-shingles. */
    public static double similarity(String a, String b) { return jaccard(shingles(a), shingles(b)); }

    /** The distinct hashed word 3-shingles of a text, sorted. */
    static long[] shingles(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) words.add(m.group());
        long[] out;
        if (words.size() < SHINGLE) {
            out = new long[] {hash(String.join(" ", words))};
        } else {
            out = new long[words.size() - SHINGLE + 1];
            for (int i = 0; i < out.length; i++) out[i] = hash(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2));
        }
        return java.util.Arrays.stream(out).sorted().distinct().toArray();
    }

    /** Jaccard similarity of two sorted, distinct arrays, by merging them. */
    static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) return 1;
        int i = 0, j = 0, common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double) common / (a.length + b.length - common);
    }

    /**
     * One-permutation MinHash: each shingle's hash picks one of the {@code HASHES} bins and competes for that bin's
     * minimum, so a signature costs one hash per shingle instead of one per shingle and bin. A short text leaves bins
     * empty, and empty bins would put every short text in the same bands; an empty bin therefore takes the value of
     * the next filled bin, salted by the distance (rotation densification).
     */
    private static long[] signature(long[] shingles) {
        long[] raw = new long[HASHES];
        java.util.Arrays.fill(raw, Long.MAX_VALUE);
        for (long x : shingles) {
            long h = mix(x);
            int bin = (int) (h >>> 57);
            long rest = h & 0x01FFFFFFFFFFFFFFL;
            if (rest < raw[bin]) raw[bin] = rest;
        }
        if (shingles.length == 0) return raw;
        long[] sig = new long[HASHES];
        for (int i = 0; i < HASHES; i++) {
            int j = i, distance = 0;
            while (raw[j] == Long.MAX_VALUE) { j = (j + 1) % HASHES; distance++; }
            sig[i] = distance == 0 ? raw[i] : mix(raw[j] + 0x9E3779B97F4A7C15L * distance);
        }
        return sig;
    }

    private static long[] bandKeys(long[] sig) {
        long[] keys = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long k = b;
            for (int r = 0; r < ROWS; r++) k = mix(k * 31 + sig[b * ROWS + r]);
            keys[b] = k;
        }
        return keys;
    }

    private static long hash(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
        return mix(h);
    }

    /** SplitMix64's finaliser: spreads bits so min-hashes behave like independent permutations. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
