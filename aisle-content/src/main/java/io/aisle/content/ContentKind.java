package io.aisle.content;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The closed set of texts the studio writes, each with the length and shape it must have.
 *
 * @param minChars shortest acceptable text
 * @param maxChars longest acceptable text
 * @param minLines fewest lines (bullets: one per line); 1 for prose
 * @param maxLines most lines
 */
public enum ContentKind {
    DESCRIPTION("product_description", 120, 1000, 1, 1),
    BULLETS("bullet_points", 60, 700, 3, 7),
    SEO_TITLE("seo_title", 15, 60, 1, 1),
    META_DESCRIPTION("meta_description", 70, 160, 1, 1),
    CATEGORY_INTRO("category_intro", 120, 800, 1, 1),
    COMPARISON("comparison_guide", 150, 2500, 3, 12),
    EMAIL_SNIPPET("email_snippet", 60, 320, 1, 1);

    private final String wire;
    private final int minChars;
    private final int maxChars;
    private final int minLines;
    private final int maxLines;

    ContentKind(String wire, int minChars, int maxChars, int minLines, int maxLines) {
        this.wire = wire;
        this.minChars = minChars;
        this.maxChars = maxChars;
        this.minLines = minLines;
        this.maxLines = maxLines;
    }

    /** The name on the wire and the {@code task} sent to the text generator. */
    public String wire() { return wire; }

    public int minChars() { return minChars; }

    public int maxChars() { return maxChars; }

    public int minLines() { return minLines; }

    public int maxLines() { return maxLines; }

    /** Whether the text is about one product (the others cover a category or several products). */
    public boolean perProduct() { return this != CATEGORY_INTRO && this != COMPARISON; }

    public static Optional<ContentKind> fromWire(String name) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(name)).findFirst();
    }

    public static String allWireNames() {
        return Arrays.stream(values()).map(ContentKind::wire).collect(Collectors.joining(", "));
    }
}
