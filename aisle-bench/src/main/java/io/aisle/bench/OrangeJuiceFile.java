package io.aisle.bench;

import io.aisle.core.validation.ValidationException;
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
 * Dominick's refrigerated orange juice (bayesm {@code orangeJuice$yx}), read from the shared data folder: one row per
 * store, brand and week with log units, the eleven brands' prices, deal and feature. The pricing and forecasting
 * benchmarks both start here; a malformed value fails naming its line and column.
 */
public record OrangeJuiceFile(List<Row> rows) {
    /** Brands in the file, numbered 1..11. */
    public static final int BRANDS = 11;

    /**
     * One store-brand-week.
     *
     * @param prices the eleven brands' prices that week in that store, brand 1 first
     */
    public record Row(int store, int brand, int week, double logMove, double[] prices, double deal, double feat) {
        public double ownPrice() { return prices[brand - 1]; }
    }

    /** Reads {@code orangeJuice_yx.csv} from {@code data} (the folder or the file). */
    public static OrangeJuiceFile read(Path data) {
        Path file = Files.isDirectory(data) ? data.resolve("orangeJuice_yx.csv") : data;
        if (!Files.isRegularFile(file)) throw new ValidationException("--data", "no orangeJuice_yx.csv at " + data);
        List<Row> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (String column : columns()) {
                if (!csv.getHeaderMap().containsKey(column)) throw new ValidationException("--data", file + ": the header has no '" + column + "' column");
            }
            for (CSVRecord r : csv) {
                int brand = (int) number(file, r, "brand");
                if (brand < 1 || brand > BRANDS) throw new ValidationException("--data", where(file, r) + "brand must be 1.." + BRANDS + ", got " + brand);
                double[] prices = new double[BRANDS];
                for (int b = 1; b <= BRANDS; b++) {
                    prices[b - 1] = number(file, r, "price" + b);
                    if (!(prices[b - 1] > 0)) throw new ValidationException("--data", where(file, r) + "price" + b + " must be positive");
                }
                rows.add(new Row((int) number(file, r, "store"), brand, (int) number(file, r, "week"), number(file, r, "logmove"),
                        prices, number(file, r, "deal"), number(file, r, "feat")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (rows.isEmpty()) throw new ValidationException("--data", file + " has no rows");
        return new OrangeJuiceFile(List.copyOf(rows));
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("store", "brand", "week", "logmove", "deal", "feat"));
        for (int b = 1; b <= BRANDS; b++) c.add("price" + b);
        return c;
    }

    private static double number(Path file, CSVRecord r, String column) {
        try {
            double v = Double.parseDouble(r.get(column));
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new ValidationException("--data", where(file, r) + column + " must be a number, got '" + r.get(column) + "'");
        }
    }

    private static String where(Path file, CSVRecord r) { return file + " line " + (r.getRecordNumber() + 1) + ": "; }
}
