package io.aisle.pricing.learn;

import io.aisle.pricing.guard.PriceBounds;
import io.aisle.pricing.guard.ProductInput;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Learning while pricing: each period it draws one demand curve from the posterior and picks the guardrailed price
 * that is best for that draw, so uncertain products get varied prices exactly as much as the uncertainty warrants.
 * Exploration is itself guardrailed: only prices whose expected profit under the posterior mean is within
 * {@code maxExpectedLoss} of the best are eligible, and every price obeys the product's guardrails.
 */
public final class ThompsonPricer {
    /** Builds the feature vector of a price for the posterior (intercept, centred log price, context terms). */
    public interface Features {
        double[] at(double price);
    }

    /** The chosen price and the elasticity of the curve it was chosen for. */
    public record Choice(double price, double sampledElasticity, double meanChoice) {}

    private final double maxExpectedLoss;
    private final int priceIndex;

    /**
     * @param priceIndex      index of the log-price coefficient in the feature vector
     * @param maxExpectedLoss exploration cap: a fraction of the best posterior-mean expected profit
     */
    public ThompsonPricer(int priceIndex, double maxExpectedLoss) {
        if (!(maxExpectedLoss >= 0 && maxExpectedLoss < 1)) throw new IllegalArgumentException("maxExpectedLoss must be in [0, 1)");
        this.priceIndex = priceIndex;
        this.maxExpectedLoss = maxExpectedLoss;
    }

    public Choice choose(DemandPosterior posterior, ProductInput product, LocalDate asOf, Features features, SplittableRandom rng) {
        List<Double> candidates = PriceBounds.of(product, asOf).candidates();
        double[] mean = posterior.mean();
        double[] draw = posterior.sample(rng);
        double half = posterior.noiseSd() * posterior.noiseSd() / 2;
        double[] meanProfit = new double[candidates.size()];
        int bestMean = 0;
        for (int i = 0; i < meanProfit.length; i++) {
            double p = candidates.get(i);
            meanProfit[i] = (p - product.cost()) * Math.exp(dot(mean, features.at(p)) + half);
            if (meanProfit[i] > meanProfit[bestMean]) bestMean = i;
        }
        double floor = meanProfit[bestMean] - maxExpectedLoss * Math.abs(meanProfit[bestMean]);
        int best = bestMean;
        double bestDraw = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < meanProfit.length; i++) {
            if (meanProfit[i] < floor) continue;
            double p = candidates.get(i);
            double v = (p - product.cost()) * Math.exp(dot(draw, features.at(p)) + half);
            if (v > bestDraw) { bestDraw = v; best = i; }
        }
        return new Choice(candidates.get(best), draw[priceIndex], candidates.get(bestMean));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
