package io.aisle.core.port;

import java.util.Objects;

/**
 * One thing a generated text may state, e.g. {@code material = Organic Cotton}. Names are lower-case snake case;
 * a fact with several values is sent as several facts of the same name.
 *
 * @param subject whom the fact is about (a product id), or empty when it is about the request's own subject
 */
public record GroundingFact(String subject, String name, String value) {
    public GroundingFact {
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public static GroundingFact of(String name, String value) { return new GroundingFact("", name, value); }
}
