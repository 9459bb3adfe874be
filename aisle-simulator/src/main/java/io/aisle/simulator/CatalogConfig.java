package io.aisle.simulator;

import io.aisle.core.catalog.Money;
import io.aisle.core.validation.Text;

import java.util.Currency;
import java.util.List;

/**
 * What catalogue to generate: the seed, how many products (variants included), the currency of prices and the stock
 * locations.
 */
public record CatalogConfig(long seed, int size, String currency, List<String> locations) {
    /** Above this a single catalogue should be sharded by index range instead. */
    public static final int MAX_SIZE = 100_000_000;

    public CatalogConfig {
        if (size < 1 || size > MAX_SIZE) throw new IllegalArgumentException("size must be 1.." + MAX_SIZE + ", got " + size);
        String problem = Money.currencyProblem(currency);
        if (problem != null) throw new IllegalArgumentException("currency " + problem);
        if (Currency.getInstance(currency).getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency " + currency + " has no minor unit the generator can price in");
        }
        locations = List.copyOf(locations);
        if (locations.isEmpty()) throw new IllegalArgumentException("locations must name at least one stock location");
        for (String location : locations) {
            String why = Text.idProblem(location);
            if (why != null) throw new IllegalArgumentException("location '" + location + "' " + why);
        }
    }

    /** A catalogue priced in euros, stocked online and in two stores. */
    public static CatalogConfig of(long seed, int size) {
        return new CatalogConfig(seed, size, "EUR", List.of("web", "store-berlin", "store-paris"));
    }

    public CatalogConfig withCurrency(String code) { return new CatalogConfig(seed, size, code, locations); }

    public CatalogConfig withLocations(List<String> ids) { return new CatalogConfig(seed, size, currency, ids); }
}
