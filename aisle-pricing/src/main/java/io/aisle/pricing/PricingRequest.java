package io.aisle.pricing;

import io.aisle.core.validation.ValidationException;
import io.aisle.pricing.guard.ProductInput;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Products to price together, the date the prices take effect, and the objective; {@code cvarAlpha} in (0, 1) makes
 * the choice risk-averse (score = mean of the worst alpha share of scenarios), 0 maximises the mean.
 */
public record PricingRequest(LocalDate asOf, Objective objective, double cvarAlpha, List<ProductInput> products) {
    public PricingRequest {
        if (asOf == null) throw new ValidationException("as_of", "is required");
        if (objective == null) throw new ValidationException("objective", "is required");
        if (!(cvarAlpha >= 0 && cvarAlpha < 1)) throw new ValidationException("cvar_alpha", "must be in [0, 1), got " + cvarAlpha);
        if (products == null || products.isEmpty()) throw new ValidationException("products", "must not be empty");
        products = List.copyOf(products);
        Set<String> ids = new HashSet<>();
        for (ProductInput p : products) if (!ids.add(p.id())) throw new ValidationException("products.id", "duplicate id " + p.id());
    }
}
