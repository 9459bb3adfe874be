package io.aisle.search.query;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Units of measure as shoppers and catalogues spell them: maps spellings ("gb", "gig", "gigabytes") to one canonical
 * unit ("GB") and converts between units of the same dimension.
 */
public final class Units {
    private Units() {}

    /** What a unit measures; only units of the same dimension convert into each other. */
    public enum Dimension { DATA, LENGTH, MASS, POWER, CHARGE, FREQUENCY, RESOLUTION, TIME, VOLUME }

    /**
     * A canonical unit: {@code factor} converts one of it into the dimension's base unit (MB, mm, g, W, mAh, Hz, MP,
     * h, ml); for data sizes {@code binaryFactor} is the 1024-based factor, else equal to {@code factor}.
     */
    public record Unit(String symbol, Dimension dimension, double factor, double binaryFactor) {}

    /**
     * A value converted into another unit. Data sizes convert to an interval ("1 TB" is 1000 to 1024 GB, as shops
     * write both); other conversions give {@code low == high}.
     */
    public record Interval(double low, double high) {}

    /** Spellings so short or common that they only count glued to a number ("15in", "2l"), never as a word. */
    private static final java.util.Set<String> GLUED_ONLY = java.util.Set.of("in", "l", "m", "g", "h", "\"");

    private static final Map<String, Unit> CANONICAL;
    private static final Map<String, Unit> SPELLINGS;

    static {
        Map<String, Unit> canonical = new HashMap<>();
        Map<String, Unit> spellings = new HashMap<>();
        Table t = new Table(canonical, spellings);
        t.unit("MB", Dimension.DATA, 1, 1, "mb", "mbs", "megabyte", "megabytes", "meg", "megs");
        t.unit("GB", Dimension.DATA, 1e3, 1024, "gb", "gbs", "gig", "gigs", "gigabyte", "gigabytes", "giga");
        t.unit("TB", Dimension.DATA, 1e6, 1024 * 1024, "tb", "tbs", "terabyte", "terabytes", "tera");
        t.unit("mm", Dimension.LENGTH, 1, 1, "mm", "millimeter", "millimeters", "millimetre", "millimetres");
        t.unit("cm", Dimension.LENGTH, 10, 10, "cm", "centimeter", "centimeters", "centimetre", "centimetres");
        t.unit("m", Dimension.LENGTH, 1000, 1000, "m", "meter", "meters", "metre", "metres");
        t.unit("in", Dimension.LENGTH, 25.4, 25.4, "in", "inch", "inches", "\"");
        t.unit("g", Dimension.MASS, 1, 1, "g", "gram", "grams", "gramme", "grammes", "gr");
        t.unit("kg", Dimension.MASS, 1000, 1000, "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes");
        t.unit("lb", Dimension.MASS, 453.59237, 453.59237, "lb", "lbs", "pound", "pounds");
        t.unit("oz", Dimension.MASS, 28.349523125, 28.349523125, "oz", "ounce", "ounces");
        t.unit("W", Dimension.POWER, 1, 1, "w", "watt", "watts");
        t.unit("kW", Dimension.POWER, 1000, 1000, "kw", "kilowatt", "kilowatts");
        t.unit("mAh", Dimension.CHARGE, 1, 1, "mah");
        t.unit("Hz", Dimension.FREQUENCY, 1, 1, "hz", "hertz");
        t.unit("kHz", Dimension.FREQUENCY, 1e3, 1e3, "khz", "kilohertz");
        t.unit("MHz", Dimension.FREQUENCY, 1e6, 1e6, "mhz", "megahertz");
        t.unit("GHz", Dimension.FREQUENCY, 1e9, 1e9, "ghz", "gigahertz");
        t.unit("MP", Dimension.RESOLUTION, 1, 1, "mp", "mpx", "megapixel", "megapixels");
        t.unit("h", Dimension.TIME, 1, 1, "h", "hr", "hrs", "hour", "hours");
        t.unit("ml", Dimension.VOLUME, 1, 1, "ml", "milliliter", "milliliters", "millilitre", "millilitres");
        t.unit("l", Dimension.VOLUME, 1000, 1000, "l", "liter", "liters", "litre", "litres");
        CANONICAL = Map.copyOf(canonical);
        SPELLINGS = Map.copyOf(spellings);
    }

    /** Fills the two lookup maps once, before they are sealed. */
    private record Table(Map<String, Unit> canonical, Map<String, Unit> spellings) {
        void unit(String symbol, Dimension dimension, double factor, double binaryFactor, String... names) {
            Unit u = new Unit(symbol, dimension, factor, binaryFactor);
            canonical.put(symbol.toLowerCase(Locale.ROOT), u);
            for (String s : names) spellings.put(s, u);
        }
    }

    /** The unit a spelling names ("Gigabytes", "GB", "gig" -> GB), or empty when it is not a known unit. */
    public static Optional<Unit> of(String spelling) {
        if (spelling == null) return Optional.empty();
        String s = spelling.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        Unit u = SPELLINGS.get(s);
        return Optional.ofNullable(u != null ? u : CANONICAL.get(s));
    }

    /** The canonical symbol of a spelling ("inches" -> "in"), or the spelling as given when it is not a known unit. */
    public static String normalise(String spelling) {
        return of(spelling).map(Unit::symbol).orElse(spelling);
    }

    /**
     * {@code value} in its dimension's base unit (MB with 1024-based sizes, mm, g, W, mAh, Hz, MP, h, ml), so the index
     * and a query compare "1 TB" and "1024 GB" as one number; unchanged when the unit is missing or unknown.
     */
    public static double toBase(double value, String spelling) {
        return of(spelling).map(u -> value * u.binaryFactor()).orElse(value);
    }

    /** Whether {@code spelling} counts as a unit only when written right after the number ("15in"). */
    static boolean gluedOnly(String spelling) { return GLUED_ONLY.contains(spelling); }

    /**
     * {@code value} in {@code from} expressed in {@code to}; empty when the dimensions differ. Data sizes give the
     * decimal and binary readings as an interval.
     */
    public static Optional<Interval> convert(double value, Unit from, Unit to) {
        if (from.dimension() != to.dimension()) return Optional.empty();
        if (from.equals(to)) return Optional.of(new Interval(value, value));
        double a = value * from.factor() / to.factor();
        double b = value * from.binaryFactor() / to.binaryFactor();
        return Optional.of(new Interval(Math.min(a, b), Math.max(a, b)));
    }
}
