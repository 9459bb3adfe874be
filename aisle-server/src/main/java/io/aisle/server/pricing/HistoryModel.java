package io.aisle.server.pricing;

import io.aisle.pricing.DemandModel;
import io.aisle.pricing.learn.DemandPosterior;

/**
 * Learns a product's log-log demand curve from its own past periods (price, units) on top of a category prior for the
 * elasticity: a Bayesian regression of log units on log price relative to the current price. A product with little
 * or no price variation keeps close to the prior, with the prior's width; one without any sales history uses the
 * given units per period at the current price and the prior elasticity.
 */
public final class HistoryModel {
    /** Prior guess of the weekly log-units noise (the OJ panel's typical residual is about 0.3-0.5). */
    static final double NOISE_SD = 0.4;
    /** Uncertainty of a level given as base units rather than learnt. */
    static final double BASE_UNITS_SD = 0.25;

    private final double priorElasticity;
    private final double priorSd;

    public HistoryModel(double priorElasticity, double priorSd) {
        this.priorElasticity = priorElasticity;
        this.priorSd = priorSd;
    }

    /** The product's demand curve with its posterior uncertainty. */
    public DemandModel fit(PricedProduct product) {
        double current = product.input().currentPrice();
        DemandPosterior posterior = posterior(product);
        double[] m = posterior.mean();
        double[][] cov = posterior.covariance();
        return new DemandModel(current, m[0], Math.sqrt(cov[0][0]), m[1], Math.sqrt(cov[1][1]), 0, 0, 0, 0, posterior.noiseSd());
    }

    /**
     * The posterior over (log units at the current price, elasticity), features {@code [1, log(price / current)]}:
     * learnt from the product's sales periods, or centred on its base units when it has none.
     */
    public DemandPosterior posterior(PricedProduct product) {
        double current = product.input().currentPrice();
        if (product.sales().isEmpty()) {
            return new DemandPosterior(new double[]{Math.log(product.baseUnits()), priorElasticity},
                    new double[]{BASE_UNITS_SD, priorSd}, NOISE_SD, 1.0);
        }
        double meanLog = product.sales().stream().mapToDouble(s -> Math.log(Math.max(0.5, s.units()))).average().orElseThrow();
        DemandPosterior posterior = new DemandPosterior(new double[]{meanLog, priorElasticity}, new double[]{3, priorSd}, NOISE_SD, 1.0);
        for (PricedProduct.UnitsAtPrice s : product.sales()) {
            // Zero-sales periods enter at half a unit: the log needs a positive count.
            posterior.observe(new double[]{1, Math.log(s.price() / current)}, Math.log(Math.max(0.5, s.units())));
        }
        return posterior;
    }
}
