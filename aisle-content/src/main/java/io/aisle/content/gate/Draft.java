package io.aisle.content.gate;

import io.aisle.content.ContentKind;

import java.util.Locale;
import java.util.Objects;

/**
 * A candidate text and what the gates need to judge it.
 *
 * @param subject  the product id, or the category or comparison key the text is about
 * @param support  the facts the text may state
 * @param keyword  the primary SEO keyword; may be empty
 */
public record Draft(ContentKind kind, String subject, String text, Locale locale, Support support, String keyword) {
    public Draft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(support, "support");
        locale = locale == null ? Locale.ENGLISH : locale;
        keyword = keyword == null ? "" : keyword;
    }
}
