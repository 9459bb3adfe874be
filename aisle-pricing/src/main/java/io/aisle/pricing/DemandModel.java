package io.aisle.pricing;

/**
 * A product's posterior log-log demand curve: {@code log units = alpha + elasticity * log(price / refPrice)
 * + crossElasticity * log(competitor / refCompetitorPrice) + dealLift * deal + featLift * feat + season + noise}.
 * Alpha and elasticity are normal with the given standard deviations (price is centred at refPrice so the two are
 * close to independent); noise is normal with sd {@code noiseSd}.
 */
public record DemandModel(double refPrice, double alpha, double alphaSd, double elasticity, double elasticitySd,
                          double crossElasticity, double refCompetitorPrice, double dealLift, double featLift,
                          double noiseSd) {
    public DemandModel {
        if (!(refPrice > 0)) throw new IllegalArgumentException("refPrice must be > 0");
        if (alphaSd < 0 || elasticitySd < 0 || noiseSd < 0) throw new IllegalArgumentException("standard deviations must be >= 0");
    }

    /** Mean log units at {@code price} for given parameter values, before noise. */
    public double logUnits(double alphaValue, double elasticityValue, double price, MarketContext ctx) {
        double v = alphaValue + elasticityValue * Math.log(price / refPrice) + ctx.seasonLog();
        if (ctx.deal()) v += dealLift;
        if (ctx.feature()) v += featLift;
        if (ctx.competitorPrice() != null && refCompetitorPrice > 0) v += crossElasticity * Math.log(ctx.competitorPrice() / refCompetitorPrice);
        return v;
    }

    /** Expected units at {@code price} with the posterior means (lognormal noise mean included). */
    public double expectedUnits(double price, MarketContext ctx) {
        return Math.exp(logUnits(alpha, elasticity, price, ctx) + noiseSd * noiseSd / 2);
    }

    /** The same curve with its parameters fixed (no parameter uncertainty). */
    public DemandModel pointAt(double alphaValue, double elasticityValue) {
        return new DemandModel(refPrice, alphaValue, 0, elasticityValue, 0, crossElasticity, refCompetitorPrice, dealLift, featLift, noiseSd);
    }
}
