package io.aisle.pricing.guard;

import io.aisle.core.validation.ValidationException;
import java.time.LocalDate;

/** A shelf price that was in effect from {@code date}. */
public record PricePoint(LocalDate date, double price) {
    public PricePoint {
        if (date == null) throw new ValidationException("price_history.date", "is required");
        if (!(price > 0) || !Double.isFinite(price)) throw new ValidationException("price_history.price", "must be > 0");
    }
}
