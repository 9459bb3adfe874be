package io.aisle.forecast.inventory;

import io.aisle.forecast.QuantileForecast;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Inventory decisions from forecast distributions: reorder points at a service level over an uncertain lead time,
 * newsvendor quantities, and the allocation of limited stock across locations.
 */
public final class InventoryPlanner {
    private static final int SAMPLES = 2000;
    private final long seed;

    public InventoryPlanner(long seed) { this.seed = seed; }

    /**
     * Reorder point and quantity for one series.
     *
     * @param serviceLevel  probability of no stock-out over a lead time, in (0, 1)
     * @param holdingCost   cost of holding one unit for one period, positive
     * @param orderCost     fixed cost of placing an order, not negative
     * @param position      inventory position now (on hand plus on order)
     */
    public ReorderPlan reorder(QuantileForecast forecast, LeadTime leadTime, double serviceLevel, double holdingCost,
                               double orderCost, double position) {
        if (!(serviceLevel > 0 && serviceLevel < 1)) throw new IllegalArgumentException("serviceLevel must lie in (0, 1), got " + serviceLevel);
        if (!(holdingCost > 0)) throw new IllegalArgumentException("holdingCost must be positive, got " + holdingCost);
        if (!(orderCost >= 0)) throw new IllegalArgumentException("orderCost must not be negative, got " + orderCost);
        double[] lead = DemandSamples.over(forecast, 0, leadTime, 0, SAMPLES, seed);
        double rop = DemandSamples.quantile(lead, serviceLevel);
        double meanLead = DemandSamples.mean(lead);
        double perPeriod = 0;
        for (double m : forecast.mean()) perPeriod += m / forecast.horizon();
        double eoq = Math.sqrt(2 * perPeriod * orderCost / holdingCost);
        double q = Math.max(eoq, perPeriod);
        double now = position <= rop ? Math.max(q, rop - position + perPeriod) : 0;
        return new ReorderPlan(rop, q, rop - meanLead, meanLead, now);
    }

    /**
     * The newsvendor quantity for a single selling season of {@code periods} periods: the demand quantile at the
     * critical ratio underage / (underage + overage).
     */
    public double newsvendor(QuantileForecast forecast, int periods, double underageCost, double overageCost) {
        if (!(underageCost > 0) || !(overageCost > 0))
            throw new IllegalArgumentException("underageCost and overageCost must be positive");
        if (periods < 1) throw new IllegalArgumentException("periods must be at least 1, got " + periods);
        double[] d = DemandSamples.over(forecast, 0, LeadTime.fixed(0), periods, SAMPLES, seed);
        return DemandSamples.quantile(d, underageCost / (underageCost + overageCost));
    }

    /**
     * Splits {@code stock} units across locations to minimise expected holding plus stock-out cost over
     * {@code periods} periods: each unit goes where it saves most; the k-th unit at a location saves
     * {@code (stockout + holding) * P(demand >= k) - holding}, which falls with k, so the greedy split is optimal.
     */
    public int[] allocate(int stock, List<QuantileForecast> locations, int periods, double holdingCost, double stockoutCost) {
        if (stock < 0) throw new IllegalArgumentException("stock must not be negative, got " + stock);
        if (!(holdingCost >= 0) || !(stockoutCost > 0)) throw new IllegalArgumentException("holdingCost must be >= 0 and stockoutCost > 0");
        List<double[]> demand = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            demand.add(DemandSamples.over(locations.get(i), 0, LeadTime.fixed(0), periods, SAMPLES, seed + i));
        }
        int[] alloc = new int[locations.size()];
        PriorityQueue<double[]> gains = new PriorityQueue<>((a, b) -> Double.compare(b[0], a[0]));
        for (int i = 0; i < alloc.length; i++) gains.add(new double[] {gain(demand.get(i), 1, holdingCost, stockoutCost), i});
        for (int u = 0; u < stock && !gains.isEmpty(); u++) {
            double[] best = gains.poll();
            if (best[0] <= 0) break; // every further unit costs more to hold than it saves
            int i = (int) best[1];
            alloc[i]++;
            gains.add(new double[] {gain(demand.get(i), alloc[i] + 1, holdingCost, stockoutCost), i});
        }
        return alloc;
    }

    /** Expected saving of the k-th unit at a location with these sorted demand samples. */
    private static double gain(double[] sorted, int k, double holding, double stockout) {
        int idx = java.util.Arrays.binarySearch(sorted, k - 1e-9);
        int below = idx >= 0 ? idx : -idx - 1;
        double pAtLeast = 1 - below / (double) sorted.length;
        return (stockout + holding) * pAtLeast - holding;
    }

    /** Expected holding plus stock-out cost of an allocation, for reporting. */
    public double expectedCost(int[] alloc, List<QuantileForecast> locations, int periods, double holdingCost, double stockoutCost) {
        double total = 0;
        for (int i = 0; i < alloc.length; i++) {
            double[] d = DemandSamples.over(locations.get(i), 0, LeadTime.fixed(0), periods, SAMPLES, seed + i);
            for (double v : d) total += (holdingCost * Math.max(0, alloc[i] - v) + stockoutCost * Math.max(0, v - alloc[i])) / d.length;
        }
        return total;
    }
}
