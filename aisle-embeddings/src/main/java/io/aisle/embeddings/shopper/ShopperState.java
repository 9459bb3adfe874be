package io.aisle.embeddings.shopper;

import io.aisle.core.catalog.ProductId;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One shopper's decayed item signals. Long-term weights are stored scaled to a per-shopper base time
 * ({@code stored = w * 2^((t - base) / halfLife)}), so adding an event is O(items) at worst and never rescales the
 * others; the base moves forward before the scale could overflow. Guarded by its own monitor.
 */
final class ShopperState {
    private static final double REBASE_HALF_LIVES = 40;

    private final long halfLifeMs;
    private final int maxItems;
    private ProductId[] items = new ProductId[8];
    private double[] stored = new double[8];
    private int n;
    private long baseMs = Long.MIN_VALUE;
    private long lastMs = Long.MIN_VALUE;

    private final long sessionHalfLifeMs;
    private final int maxSessionItems;
    private String sessionId;
    private final ProductId[] sessionItems;
    private final double[] sessionWeights;
    private final long[] sessionMs;
    private int sessionStart;
    private int sessionCount;
    private long sessionLastMs = Long.MIN_VALUE;

    ShopperState(long halfLifeMs, int maxItems, long sessionHalfLifeMs, int maxSessionItems) {
        this.halfLifeMs = halfLifeMs;
        this.maxItems = maxItems;
        this.sessionHalfLifeMs = sessionHalfLifeMs;
        this.maxSessionItems = maxSessionItems;
        this.sessionItems = new ProductId[maxSessionItems];
        this.sessionWeights = new double[maxSessionItems];
        this.sessionMs = new long[maxSessionItems];
    }

    synchronized void addLongTerm(ProductId item, double weight, Instant at) {
        long t = at.toEpochMilli();
        if (baseMs == Long.MIN_VALUE) baseMs = t;
        double halfLives = (double) (t - baseMs) / halfLifeMs;
        if (halfLives > REBASE_HALF_LIVES) {
            double f = Math.pow(0.5, halfLives);
            for (int j = 0; j < n; j++) stored[j] *= f;
            baseMs = t;
            halfLives = 0;
        }
        double add = weight * Math.pow(2, halfLives);
        lastMs = Math.max(lastMs, t);
        for (int j = 0; j < n; j++) {
            if (items[j].equals(item)) {
                stored[j] += add;
                return;
            }
        }
        if (n == maxItems) {
            int weakest = 0;
            for (int j = 1; j < n; j++) if (Math.abs(stored[j]) < Math.abs(stored[weakest])) weakest = j;
            if (Math.abs(stored[weakest]) > Math.abs(add)) return; // the newcomer is the weakest: ignore it
            items[weakest] = items[n - 1];
            stored[weakest] = stored[n - 1];
            n--;
        }
        if (n == items.length) {
            items = Arrays.copyOf(items, Math.min(maxItems, n * 2));
            stored = Arrays.copyOf(stored, items.length);
        }
        items[n] = item;
        stored[n] = add;
        n++;
    }

    synchronized void addSession(String session, ProductId item, double weight, Instant at) {
        if (!session.equals(sessionId)) {
            sessionId = session;
            sessionStart = 0;
            sessionCount = 0;
            sessionLastMs = Long.MIN_VALUE;
        }
        int slot;
        if (sessionCount == maxSessionItems) {
            slot = sessionStart; // overwrite the oldest
            sessionStart = (sessionStart + 1) % maxSessionItems;
        } else {
            slot = (sessionStart + sessionCount) % maxSessionItems;
            sessionCount++;
        }
        sessionItems[slot] = item;
        sessionWeights[slot] = weight;
        sessionMs[slot] = at.toEpochMilli();
        sessionLastMs = Math.max(sessionLastMs, at.toEpochMilli());
    }

    /** Long-term signal per item, decayed to this shopper's latest event; insertion order. */
    synchronized Map<ProductId, Double> longTerm() {
        Map<ProductId, Double> out = new LinkedHashMap<>();
        double f = Math.pow(0.5, (double) (lastMs - baseMs) / halfLifeMs);
        for (int j = 0; j < n; j++) out.put(items[j], stored[j] * f);
        return out;
    }

    /** Latest session's signal per item, decayed to its latest event with the short half-life. */
    synchronized Map<ProductId, Double> session() {
        Map<ProductId, Double> out = new LinkedHashMap<>();
        for (int c = 0; c < sessionCount; c++) {
            int j = (sessionStart + c) % maxSessionItems;
            double w = sessionWeights[j] * Math.pow(0.5, (double) (sessionLastMs - sessionMs[j]) / sessionHalfLifeMs);
            out.merge(sessionItems[j], w, Double::sum);
        }
        return out;
    }

    synchronized String sessionId() { return sessionId; }

    /** Takes over another state's history (a device linked to this shopper); the more recent session wins. */
    void absorb(ShopperState other) {
        ShopperState.Snapshot s = other.snapshot();
        for (int j = 0; j < s.items.length; j++) addLongTerm(s.items[j], s.stored[j], Instant.ofEpochMilli(s.baseMs));
        synchronized (this) {
            if (s.sessionId != null && s.sessionLastMs > sessionLastMs) {
                sessionId = null;
                for (int c = 0; c < s.sessionItems.length; c++) {
                    addSession(s.sessionId, s.sessionItems[c], s.sessionWeights[c], Instant.ofEpochMilli(s.sessionMs[c]));
                }
            }
        }
    }

    private record Snapshot(ProductId[] items, double[] stored, long baseMs, String sessionId, ProductId[] sessionItems,
                            double[] sessionWeights, long[] sessionMs, long sessionLastMs) {}

    private synchronized Snapshot snapshot() {
        ProductId[] si = new ProductId[sessionCount];
        double[] sw = new double[sessionCount];
        long[] sm = new long[sessionCount];
        for (int c = 0; c < sessionCount; c++) {
            int j = (sessionStart + c) % maxSessionItems;
            si[c] = sessionItems[j];
            sw[c] = sessionWeights[j];
            sm[c] = sessionMs[j];
        }
        return new Snapshot(Arrays.copyOf(items, n), Arrays.copyOf(stored, n), baseMs, sessionId, si, sw, sm, sessionLastMs);
    }
}
