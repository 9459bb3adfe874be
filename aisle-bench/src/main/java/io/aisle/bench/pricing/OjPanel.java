package io.aisle.bench.pricing;

import io.aisle.bench.OrangeJuiceFile;
import io.aisle.pricing.elasticity.SalesObservation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Dominick's refrigerated orange juice panel (bayesm {@code orangeJuice$yx}): one row per store, brand and week with
 * log units, the eleven brands' prices per ounce, deal and feature flags. The competitor index of a brand is the
 * geometric mean of the other ten brands' prices in the same store-week.
 */
public record OjPanel(List<SalesObservation> rows) {
    /** Brand names and pack sizes (ounces), from the dataset's documentation. */
    public static final String[] BRANDS = {"tropicana-premium-64", "tropicana-premium-96", "floridas-natural-64", "tropicana-64",
            "minute-maid-64", "minute-maid-96", "citrus-hill-64", "tree-fresh-64", "florida-gold-64", "dominicks-64", "dominicks-128"};
    public static final int[] OUNCES = {64, 96, 64, 64, 64, 96, 64, 64, 64, 64, 128};

    public static String product(int brand) { return String.format("%02d-%s", brand, BRANDS[brand - 1]); }

    public static int brandOf(String product) { return Integer.parseInt(product.substring(0, 2)); }

    /** Reads {@code orangeJuice_yx.csv} from {@code data} (the folder or the file). */
    public static OjPanel read(Path data) {
        List<SalesObservation> rows = new ArrayList<>();
        for (OrangeJuiceFile.Row r : OrangeJuiceFile.read(data).rows()) {
            double logOthers = 0;
            for (int b = 1; b <= OrangeJuiceFile.BRANDS; b++) if (b != r.brand()) logOthers += Math.log(r.prices()[b - 1]);
            rows.add(new SalesObservation(String.valueOf(r.store()), product(r.brand()), r.week(), r.ownPrice(), r.logMove(),
                    r.deal() > 0, r.feat() > 0, Math.exp(logOthers / (OrangeJuiceFile.BRANDS - 1))));
        }
        return new OjPanel(List.copyOf(rows));
    }

    public int lastWeek() { return rows.stream().mapToInt(SalesObservation::week).max().orElseThrow(); }
}
