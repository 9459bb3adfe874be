package io.aisle.search.index;

import java.util.Locale;

/** How keyword fields spell values and attribute names, shared by the indexer and the filters. */
public final class Keywords {
    private Keywords() {}

    /** Lower-cased and trimmed: brands, categories and attribute values in keyword fields. */
    public static String of(String value) { return value.strip().toLowerCase(Locale.ROOT); }

    /** Attribute names in field names: lower case, words joined by underscores ("Screen size" to "screen_size"). */
    public static String attribute(String name) { return of(name).replaceAll("\\s+", "_"); }
}
