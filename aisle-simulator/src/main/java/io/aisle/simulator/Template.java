package io.aisle.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Text with {@code {name}} placeholders, parsed once so rendering a million titles does no parsing.
 * {@code {name|suffix}} renders a number attribute without its unit and appends the suffix ({@code {screen_size|"}});
 * {@code {name_lc}} renders the value in lower case.
 */
final class Template {
    private final String[] literals;
    private final String[] keys;
    private final String[] suffixes;

    private Template(String[] literals, String[] keys, String[] suffixes) {
        this.literals = literals;
        this.keys = keys;
        this.suffixes = suffixes;
    }

    static Template of(String text) {
        List<String> literals = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = text.indexOf('{', at);
            if (open < 0) break;
            int close = text.indexOf('}', open);
            if (close < 0) throw new IllegalArgumentException("unclosed placeholder in: " + text);
            literals.add(text.substring(at, open));
            String key = text.substring(open + 1, close);
            int bar = key.indexOf('|');
            keys.add(bar < 0 ? key : key.substring(0, bar));
            suffixes.add(bar < 0 ? null : key.substring(bar + 1));
            at = close + 1;
        }
        literals.add(text.substring(at));
        return new Template(literals.toArray(String[]::new), keys.toArray(String[]::new), suffixes.toArray(String[]::new));
    }

    /** The placeholder names, so data definitions can be checked against their attribute schema. */
    List<String> keys() { return List.of(keys); }

    /**
     * Renders with {@code values} answering each placeholder; {@code bare} answers the "number without unit" form.
     */
    void render(StringBuilder out, Function<String, String> values, Function<String, String> bare) {
        for (int i = 0; i < keys.length; i++) {
            out.append(literals[i]);
            if (suffixes[i] == null) {
                out.append(values.apply(keys[i]));
            } else {
                out.append(bare.apply(keys[i])).append(suffixes[i]);
            }
        }
        out.append(literals[keys.length]);
    }
}
