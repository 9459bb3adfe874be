package io.aisle.bench.pricing;

import io.aisle.pricing.elasticity.ElasticityFit;
import io.aisle.pricing.elasticity.ProductFit;
import io.aisle.pricing.elasticity.UnitFit;

import java.util.Arrays;
import java.util.List;

/**
 * What the fitted orange-juice hierarchy says about a typical product, the prior a pricer starts from for a new one:
 * the spread of store-brand elasticities, the typical noise, promotion (feature) lift and cross-price effect.
 */
record Population(double elasticityMean, double elasticitySd, double noiseSd, double promoLift, double crossElasticity) {
    static Population of(ElasticityFit fit) {
        List<UnitFit> units = List.copyOf(fit.units().values());
        double[] e = units.stream().mapToDouble(u -> u.elasticity().mean()).toArray();
        double mean = Arrays.stream(e).average().orElseThrow();
        double var = Arrays.stream(e).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, e.length - 1);
        // The typical unit's own posterior uncertainty adds to the spread of the means.
        double within = units.stream().mapToDouble(u -> u.elasticity().sd() * u.elasticity().sd()).average().orElse(0);
        double[] noise = units.stream().mapToDouble(UnitFit::noiseSd).sorted().toArray();
        double promo = fit.products().values().stream().mapToDouble(ProductFit::featLift).average().orElse(0);
        double cross = fit.products().values().stream().mapToDouble(ProductFit::crossElasticity).average().orElse(0);
        return new Population(mean, Math.sqrt(var + within), noise[noise.length / 2], promo, cross);
    }
}
