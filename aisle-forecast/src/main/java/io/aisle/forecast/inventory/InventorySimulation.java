package io.aisle.forecast.inventory;

import java.util.SplittableRandom;

/**
 * Replays a stretch of real demand under a periodic-review policy: each period stock arrives, demand is served from
 * stock (the rest is lost), holding is charged on what is left, then the policy orders up to its level; orders arrive
 * after a lead time drawn from the distribution (the same draws for every policy, so they face the same luck).
 */
public final class InventorySimulation {

    /** The outcome of one replay. */
    public record Outcome(int stockoutPeriods, double lostUnits, double holdingUnits, double servedUnits, double demandUnits) {
        public double fillRate() { return demandUnits == 0 ? 1 : servedUnits / demandUnits; }

        public Outcome plus(Outcome o) {
            return new Outcome(stockoutPeriods + o.stockoutPeriods, lostUnits + o.lostUnits, holdingUnits + o.holdingUnits,
                    servedUnits + o.servedUnits, demandUnits + o.demandUnits);
        }

        public static Outcome zero() { return new Outcome(0, 0, 0, 0, 0); }
    }

    private final LeadTime leadTime;
    private final long seed;

    public InventorySimulation(LeadTime leadTime, long seed) {
        this.leadTime = leadTime;
        this.seed = seed;
    }

    /**
     * Replays periods {@code from .. to-1} of {@code demand} (NaN periods are skipped as no demand), starting with
     * {@code initialStock} on hand.
     */
    public Outcome replay(double[] demand, int from, int to, double initialStock, ReplenishmentPolicy policy) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] arrivals = new double[to + leadTime.max() + 2];
        double onHand = initialStock, onOrder = 0;
        int stockouts = 0;
        double lost = 0, held = 0, served = 0, total = 0;
        for (int t = from; t < to; t++) {
            onHand += arrivals[t];
            onOrder -= arrivals[t];
            double d = Double.isNaN(demand[t]) ? 0 : demand[t];
            double sale = Math.min(onHand, d);
            if (d > onHand + 1e-9) {
                stockouts++;
                lost += d - onHand;
            }
            onHand -= sale;
            served += sale;
            total += d;
            held += onHand;
            double level = policy.orderUpTo(t + 1, demand);
            double order = Math.max(0, level - onHand - onOrder);
            int lt = leadTime.sample(rnd);
            if (order > 0) {
                arrivals[Math.min(arrivals.length - 1, t + 1 + lt)] += order;
                onOrder += order;
            }
        }
        return new Outcome(stockouts, lost, held, served, total);
    }
}
