package io.aisle.pricing.guard;

import io.aisle.core.validation.ValidationException;
import java.util.List;

/**
 * One product to price: its cost, the price in effect now, its recent prices (for the Omnibus reference price), the
 * competitor's price, its pack family and its guardrails.
 *
 * @param family   products sharing a family are priced together so bigger packs stay consistent with smaller ones
 * @param packSize units per pack within the family (required when family is set)
 * @param stock    units on hand, for stock-out risk and sell-through; null when unknown
 */
public record ProductInput(String id, double cost, double currentPrice, List<PricePoint> history,
                           Double competitorPrice, String family, Double packSize, Double stock,
                           Guardrails guardrails) {
    public ProductInput {
        if (id == null || id.isBlank()) throw new ValidationException("products.id", "is required");
        if (!Double.isFinite(cost) || cost < 0) throw new ValidationException("products.cost", "must be >= 0 (product " + id + ")");
        if (!Double.isFinite(currentPrice) || currentPrice <= 0)
            throw new ValidationException("products.current_price", "must be > 0 (product " + id + ")");
        history = history == null ? List.of() : List.copyOf(history);
        if (competitorPrice != null && (!Double.isFinite(competitorPrice) || competitorPrice <= 0))
            throw new ValidationException("products.competitor_price", "must be > 0 (product " + id + ")");
        if (family != null && (packSize == null || !(packSize > 0)))
            throw new ValidationException("products.pack_size", "must be > 0 when family is set (product " + id + ")");
        if (stock != null && (!Double.isFinite(stock) || stock < 0))
            throw new ValidationException("products.stock", "must be >= 0 (product " + id + ")");
        guardrails = guardrails == null ? Guardrails.COST_FLOOR_ONLY : guardrails;
        if ((guardrails.competitorMin() != null || guardrails.competitorMax() != null) && competitorPrice == null)
            throw new ValidationException("products.competitor_price", "is required by guardrails.competitor_min/max (product " + id + ")");
    }
}
