package io.aisle.ingest.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The catalogue feed formats the importer reads; {@link #cliName()} is what {@code --format} takes. */
public enum CatalogFormat {
    /** One Aisle wire-form product (as {@code ProductJson} writes it) per line. */
    JSONL("jsonl"),
    /** Aisle's flat CSV: one product per row, {@code attr.<name>} columns for attributes. */
    CSV("csv"),
    /** Google Merchant Center tab-separated product feed. */
    GMC_TSV("gmc-tsv"),
    /** Google Merchant Center XML product feed (RSS 2.0 {@code <item>} or Atom {@code <entry>}, {@code g:} namespace). */
    GMC_XML("gmc-xml"),
    /** Shopify's product CSV export: rows grouped by Handle into a product and its variants. */
    SHOPIFY_CSV("shopify"),
    /** The flattened Magento Luma sample catalogue ({@code luma_products_flat.jsonl}). */
    LUMA_JSONL("luma");

    private final String cliName;

    CatalogFormat(String cliName) { this.cliName = cliName; }

    /** The short name used on the command line and in messages. */
    public String cliName() { return cliName; }

    /** The format named {@code name}: its CLI name or its constant name, in any case. */
    public static Optional<CatalogFormat> fromName(String name) {
        if (name == null) return Optional.empty();
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.cliName.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }

    /** CLI names as a readable list, for help texts and errors. */
    public static String allNames() {
        return Arrays.stream(values()).map(CatalogFormat::cliName).collect(Collectors.joining(", "));
    }

    @Override public String toString() { return cliName; }
}
