package io.aisle.pricing.elasticity;

import io.aisle.pricing.DemandModel;
import io.aisle.pricing.MarketContext;

import java.util.Map;

/**
 * The fitted hierarchy: category prior, products, and product-store units. It predicts log units for a period and
 * hands out the demand model of a unit for simulation and optimisation.
 *
 * @param categoryMean mean own-price elasticity across products (the top of the hierarchy)
 * @param categorySd   spread of product elasticities around it
 */
public record ElasticityFit(double categoryMean, double categorySd, Map<String, ProductFit> products, Map<String, UnitFit> units) {
    public ProductFit product(String product) {
        ProductFit p = products.get(product);
        if (p == null) throw new IllegalArgumentException("no fitted product " + product);
        return p;
    }

    public UnitFit unit(String store, String product) {
        return units.get(store + "\u0000" + product);
    }

    /** Predicted log units of a period of a fitted unit (posterior means). */
    public double predictLogUnits(SalesObservation o) {
        UnitFit u = unit(o.store(), o.product());
        if (u == null) throw new IllegalArgumentException("no fitted unit for store " + o.store() + ", product " + o.product());
        return model(u).logUnits(u.intercept(), u.elasticity().mean(), o.price(), context(o));
    }

    /** The unit's demand model: its intercept and elasticity with their posterior sds, the product's controls. */
    public DemandModel model(UnitFit u) {
        ProductFit p = product(u.product());
        return new DemandModel(u.refPrice(), u.intercept(), u.interceptSd(), u.elasticity().mean(), u.elasticity().sd(),
                p.crossElasticity(), u.refCompetitorPrice(), p.dealLift(), p.featLift(), u.noiseSd());
    }

    public MarketContext context(SalesObservation o) {
        return new MarketContext(o.deal(), o.feat(), product(o.product()).seasonLog(o.week()),
                Double.isFinite(o.competitorPrice()) ? o.competitorPrice() : null);
    }
}
