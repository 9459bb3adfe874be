package io.aisle.pricing;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Demand scenarios for one product in one period: each draws the curve's parameters from their posterior and a noise
 * term, so a price's outcome distribution carries both parameter and noise uncertainty. The same draws serve every
 * candidate price (common random numbers), so candidates are compared without simulation noise between them.
 */
public final class DemandScenarios {
    private final DemandModel model;
    private final MarketContext context;
    private final double[] alpha;
    private final double[] elasticity;
    private final double[] noise;

    public DemandScenarios(DemandModel model, MarketContext context, int count, long seed) {
        if (count < 1) throw new IllegalArgumentException("scenario count must be >= 1");
        this.model = model;
        this.context = context;
        SplittableRandom rng = new SplittableRandom(seed);
        alpha = new double[count];
        elasticity = new double[count];
        noise = new double[count];
        for (int s = 0; s < count; s++) {
            alpha[s] = model.alpha() + model.alphaSd() * rng.nextGaussian();
            elasticity[s] = model.elasticity() + model.elasticitySd() * rng.nextGaussian();
            noise[s] = model.noiseSd() * rng.nextGaussian();
        }
    }

    public int size() { return alpha.length; }

    public DemandModel model() { return model; }

    /** Units demanded at {@code price} in every scenario. */
    public double[] demand(double price) {
        double[] out = new double[alpha.length];
        for (int s = 0; s < out.length; s++) out[s] = Math.exp(model.logUnits(alpha[s], elasticity[s], price, context) + noise[s]);
        return out;
    }

    /** Expected units at {@code price} per parameter draw (noise averaged out): the curve's uncertainty band. */
    public Distribution expectedUnitsBand(double price) {
        double[] out = new double[alpha.length];
        double noiseMean = model.noiseSd() * model.noiseSd() / 2;
        for (int s = 0; s < out.length; s++) out[s] = Math.exp(model.logUnits(alpha[s], elasticity[s], price, context) + noiseMean);
        return Distribution.of(out);
    }

    /** Outcome distributions at {@code price}; {@code stock} NaN when unknown. */
    public SimulatedOutcome outcome(double price, double cost, double stock) {
        double[] d = demand(price);
        double[] units = new double[d.length], revenue = new double[d.length], margin = new double[d.length];
        int out = 0;
        for (int s = 0; s < d.length; s++) {
            units[s] = Double.isNaN(stock) ? d[s] : Math.min(d[s], stock);
            if (!Double.isNaN(stock) && d[s] > stock) out++;
            revenue[s] = price * units[s];
            margin[s] = (price - cost) * units[s];
        }
        return new SimulatedOutcome(price, Distribution.of(units), Distribution.of(revenue), Distribution.of(margin), out / (double) d.length);
    }

    /**
     * The objective's score at {@code price}: its mean over scenarios, or with {@code cvarAlpha} in (0, 1) the mean of
     * the worst {@code cvarAlpha} share of scenarios (conditional value at risk), which favours safer prices.
     */
    public double score(Objective objective, double price, double cost, double stock, double cvarAlpha) {
        double[] d = demand(price);
        double[] v = new double[d.length];
        for (int s = 0; s < d.length; s++) v[s] = objective.value(price, cost, d[s], stock);
        if (cvarAlpha <= 0 || cvarAlpha >= 1) return Arrays.stream(v).average().orElse(0);
        Arrays.sort(v);
        int k = Math.max(1, (int) Math.ceil(cvarAlpha * v.length));
        double sum = 0;
        for (int i = 0; i < k; i++) sum += v[i];
        return sum / k;
    }
}
