package io.aisle.bench.relevance;

import io.aisle.core.validation.ValidationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CrowdFlower "Search Results Relevance" train file with a cv_fold column (columns id, query,
 * product_title, product_description, median_relevance, relevance_variance, cv_fold; quoted fields may span lines).
 */
public final class CrowdflowerCsv {
    private static final List<String> REQUIRED = List.of("id", "query", "product_title", "product_description",
            "median_relevance", "cv_fold");

    private CrowdflowerCsv() {}

    public static List<JudgedPair> read(Path file) {
        if (!Files.isRegularFile(file)) throw new ValidationException("data", "no such file: " + file);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (String column : REQUIRED) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new ValidationException("data", file + " has no column '" + column + "' (columns: " + parser.getHeaderNames() + ")");
                }
            }
            List<JudgedPair> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                String where = file.getFileName() + " line " + parser.getCurrentLineNumber();
                rows.add(new JudgedPair(r.get("id").strip(), r.get("query").strip(), r.get("product_title").strip(),
                        r.get("product_description"), integer(r.get("median_relevance"), 1, 4, "median_relevance", where),
                        integer(r.get("cv_fold"), 1, 1000, "cv_fold", where)));
            }
            if (rows.isEmpty()) throw new ValidationException("data", file + " has no rows");
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ValidationException("data", file + " is not valid CSV: " + e.getMessage());
        }
    }

    private static int integer(String text, int min, int max, String column, String where) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v < min || v > max) throw new ValidationException(column, "must be " + min + ".." + max + ", got " + v + " at " + where);
            return v;
        } catch (NumberFormatException e) {
            throw new ValidationException(column, "not an integer: '" + text + "' at " + where);
        }
    }
}
