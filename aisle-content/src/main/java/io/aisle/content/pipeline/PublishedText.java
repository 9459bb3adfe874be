package io.aisle.content.pipeline;

import io.aisle.content.ContentKind;

import java.time.Instant;
import java.util.Locale;

/**
 * A text live on the storefront.
 *
 * @param source {@code auto} when the pipeline published it, {@code review} when a person approved it
 */
public record PublishedText(String subject, ContentKind kind, Locale locale, String text, String backend, String source,
                            Instant publishedAt) {}
