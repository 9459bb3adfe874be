package io.aisle.bench.pricing;

import io.aisle.core.validation.ValidationException;
import io.aisle.pricing.elasticity.SalesObservation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
        Path file = Files.isDirectory(data) ? data.resolve("orangeJuice_yx.csv") : data;
        if (!Files.isRegularFile(file)) throw new ValidationException("--data", "no orangeJuice_yx.csv at " + data);
        List<SalesObservation> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord r : csv) {
                int brand = Integer.parseInt(r.get("brand"));
                double[] prices = new double[11];
                for (int b = 1; b <= 11; b++) prices[b - 1] = Double.parseDouble(r.get("price" + b));
                double logOthers = 0;
                for (int b = 1; b <= 11; b++) if (b != brand) logOthers += Math.log(prices[b - 1]);
                rows.add(new SalesObservation(r.get("store"), product(brand), Integer.parseInt(r.get("week")), prices[brand - 1],
                        Double.parseDouble(r.get("logmove")), Double.parseDouble(r.get("deal")) > 0,
                        Double.parseDouble(r.get("feat")) > 0, Math.exp(logOthers / 10)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new OjPanel(List.copyOf(rows));
    }

    public int lastWeek() { return rows.stream().mapToInt(SalesObservation::week).max().orElseThrow(); }
}
