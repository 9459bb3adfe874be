package io.aisle.ingest.catalog;

import io.aisle.core.catalog.Money;

/**
 * How to read one catalogue feed; checked when built, so a bad option fails before any file is opened.
 *
 * @param defaultCurrency ISO 4217 code for prices that carry none (Shopify exports, CSV without a currency
 *                        column, GMC prices without a code, Luma); null to require a currency on every price
 * @param format          the feed format, or null to detect it from the file name and first bytes
 * @param maxErrors       errors kept in the result; later ones are still counted
 * @param maxRows         records read at most; a longer feed is refused with an error at the row past the cap
 */
public record ImportOptions(String defaultCurrency, CatalogFormat format, int maxErrors, long maxRows) {
    public static final String DEFAULT_CURRENCY = "USD";
    public static final int DEFAULT_MAX_ERRORS = 1_000;
    public static final long DEFAULT_MAX_ROWS = 5_000_000;

    public ImportOptions {
        if (defaultCurrency != null) {
            String problem = Money.currencyProblem(defaultCurrency);
            if (problem != null) throw new IllegalArgumentException("defaultCurrency " + problem + " (got '" + defaultCurrency + "')");
        }
        if (maxErrors < 1) throw new IllegalArgumentException("maxErrors must be at least 1 (got " + maxErrors + ")");
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be at least 1 (got " + maxRows + ")");
    }

    /** USD for prices without a currency (Shopify's default store currency), format detected, 1,000 errors kept. */
    public static ImportOptions defaults() {
        return new ImportOptions(DEFAULT_CURRENCY, null, DEFAULT_MAX_ERRORS, DEFAULT_MAX_ROWS);
    }

    public ImportOptions withDefaultCurrency(String currency) { return new ImportOptions(currency, format, maxErrors, maxRows); }

    public ImportOptions withFormat(CatalogFormat f) { return new ImportOptions(defaultCurrency, f, maxErrors, maxRows); }

    public ImportOptions withMaxErrors(int n) { return new ImportOptions(defaultCurrency, format, n, maxRows); }

    public ImportOptions withMaxRows(long n) { return new ImportOptions(defaultCurrency, format, maxErrors, n); }
}
