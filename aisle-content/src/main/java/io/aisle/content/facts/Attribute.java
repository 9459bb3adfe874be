package io.aisle.content.facts;

import java.util.List;

/**
 * One catalogue attribute as copy talks about it.
 *
 * @param key    the catalogue field ({@code color_options})
 * @param role   what it is ({@code colour}), which decides how copy phrases it
 * @param label  a readable name ({@code strap}) for attributes without a role of their own
 * @param values the values, cleaned of markup
 */
public record Attribute(String key, Role role, String label, List<String> values) {
    public Attribute { values = List.copyOf(values); }

    /** How copy phrases an attribute. */
    public enum Role {
        MATERIAL, COLOUR, SIZE, PATTERN, ACTIVITY, CLIMATE, STYLE, GENDER, FEATURE;

        /** The fact name sent to text generators. */
        public String fact() { return name().toLowerCase(java.util.Locale.ROOT); }
    }
}
