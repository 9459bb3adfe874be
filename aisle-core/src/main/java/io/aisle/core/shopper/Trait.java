package io.aisle.core.shopper;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing known about a shopper (e.g. budget, preferred brand), with where it came from.
 *
 * @param source STATED when the shopper said it (zero-party data), INFERRED when the engine derived it,
 *               IMPORTED when the merchant supplied it
 */
public record Trait(String name, String value, Source source, Instant recordedAt) {
    public Trait {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** Where a trait came from. */
    public enum Source { STATED, INFERRED, IMPORTED }
}
