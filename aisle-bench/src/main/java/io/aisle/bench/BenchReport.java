package io.aisle.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.json.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one benchmark run: one row per system, printed as a table and written as the JSON shape every
 * {@code aisle bench} command shares ({@code benchmark, dataset, machine, rows[{system, metrics}]}).
 */
public final class BenchReport {
    private final String benchmark;
    private final String dataset;
    private final Map<String, Map<String, Double>> rows = new LinkedHashMap<>();

    public BenchReport(String benchmark, String dataset) {
        this.benchmark = benchmark;
        this.dataset = dataset;
    }

    /** Adds or extends the row of {@code system}. */
    public BenchReport put(String system, String metric, double value) {
        rows.computeIfAbsent(system, s -> new LinkedHashMap<>()).put(metric, value);
        return this;
    }

    public Map<String, Map<String, Double>> rows() { return rows; }

    /** Adds every figure of {@code other} to this report's rows of the same systems. */
    public BenchReport putAll(BenchReport other) {
        other.rows.forEach((system, metrics) -> metrics.forEach((metric, value) -> put(system, metric, value)));
        return this;
    }

    /** A readable table: systems down, metrics across. */
    public void print(PrintStream out) {
        Set<String> metrics = new LinkedHashSet<>();
        rows.values().forEach(m -> metrics.addAll(m.keySet()));
        List<String> cols = new ArrayList<>(metrics);
        out.printf("%nbenchmark: %s   dataset: %s   cores: %d   java: %s%n", benchmark, dataset,
                Runtime.getRuntime().availableProcessors(), Runtime.version().feature());
        StringBuilder header = new StringBuilder(String.format("%-20s", "system"));
        // Each column is as wide as its name needs, so long metric names never run into their neighbours.
        List<String> widths = cols.stream().map(c -> "%" + Math.max(12, c.length() + 2) + "s").toList();
        for (int i = 0; i < cols.size(); i++) header.append(String.format(widths.get(i), cols.get(i)));
        out.println(header);
        rows.forEach((system, values) -> {
            StringBuilder line = new StringBuilder(String.format("%-20s", system));
            for (int i = 0; i < cols.size(); i++) line.append(String.format(widths.get(i), format(values.get(cols.get(i)))));
            out.println(line);
        });
    }

    private static String format(Double v) {
        if (v == null) return "-";
        if (Math.abs(v) >= 1000) return String.format("%,.0f", v);
        if (Math.abs(v) >= 10) return String.format("%.1f", v);
        if (Math.abs(v) >= 1 || v == 0) return String.format("%.3f", v);
        return String.format("%.4f", v); // small ranking figures (ndcg@10 ~ 0.06) need the fourth digit
    }

    public ObjectNode toJson() {
        ObjectMapper mapper = Json.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("benchmark", benchmark);
        root.put("dataset", dataset);
        root.putObject("machine").put("cores", Runtime.getRuntime().availableProcessors())
                .put("java", String.valueOf(Runtime.version().feature()));
        var list = root.putArray("rows");
        rows.forEach((system, values) -> {
            ObjectNode row = list.addObject();
            row.put("system", system);
            ObjectNode m = row.putObject("metrics");
            values.forEach(m::put);
        });
        return root;
    }

    /** Writes the JSON form to {@code file}, creating parent directories. */
    public void writeJson(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
