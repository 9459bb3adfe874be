package io.aisle.search.index;

import java.util.Locale;
import java.util.Map;

/**
 * Canonical units for numeric attributes, so "1 TB" and "1024 GB", or "2 kg" and "2000 g", index and compare as the
 * same number. Unknown units are kept as written (lower-cased).
 */
public final class Units {
    private Units() {}

    /** A number in its canonical unit (null when it has none). */
    public record Quantity(double value, String unit) {}

    private record Scale(String unit, double factor) {}

    private static final Map<String, Scale> SCALES = Map.ofEntries(
            Map.entry("kb", new Scale("gb", 1.0 / (1024 * 1024))), Map.entry("mb", new Scale("gb", 1.0 / 1024)),
            Map.entry("gb", new Scale("gb", 1)), Map.entry("tb", new Scale("gb", 1024)),
            Map.entry("gigabyte", new Scale("gb", 1)), Map.entry("gigabytes", new Scale("gb", 1)),
            Map.entry("terabyte", new Scale("gb", 1024)), Map.entry("terabytes", new Scale("gb", 1024)),
            Map.entry("mm", new Scale("mm", 1)), Map.entry("cm", new Scale("mm", 10)), Map.entry("m", new Scale("mm", 1000)),
            Map.entry("in", new Scale("in", 1)), Map.entry("inch", new Scale("in", 1)),
            Map.entry("inches", new Scale("in", 1)), Map.entry("\"", new Scale("in", 1)),
            Map.entry("g", new Scale("g", 1)), Map.entry("kg", new Scale("g", 1000)),
            Map.entry("lb", new Scale("g", 453.59237)), Map.entry("lbs", new Scale("g", 453.59237)),
            Map.entry("oz", new Scale("g", 28.349523125)),
            Map.entry("ml", new Scale("l", 0.001)), Map.entry("l", new Scale("l", 1)),
            Map.entry("h", new Scale("h", 1)), Map.entry("hr", new Scale("h", 1)), Map.entry("hrs", new Scale("h", 1)),
            Map.entry("hour", new Scale("h", 1)), Map.entry("hours", new Scale("h", 1)),
            Map.entry("min", new Scale("h", 1.0 / 60)),
            Map.entry("w", new Scale("w", 1)), Map.entry("kw", new Scale("w", 1000)),
            Map.entry("hz", new Scale("hz", 1)), Map.entry("khz", new Scale("hz", 1e3)),
            Map.entry("mhz", new Scale("hz", 1e6)), Map.entry("ghz", new Scale("hz", 1e9)));

    /** {@code value} in {@code unit} (null or blank: none) converted to the unit's canonical form. */
    public static Quantity normalise(double value, String unit) {
        if (unit == null || unit.isBlank()) return new Quantity(value, null);
        String key = unit.strip().toLowerCase(Locale.ROOT);
        Scale scale = SCALES.get(key);
        return scale == null ? new Quantity(value, key) : new Quantity(value * scale.factor(), scale.unit());
    }
}
