package io.aisle.core.shopper;

import io.aisle.core.validation.Text;

/** A device or browser identifier for a shopper who has not logged in (GA4's client id). */
public record AnonymousId(String value) {
    public AnonymousId { Text.requireId("anonymous_id", value); }

    public static AnonymousId of(String value) { return new AnonymousId(value); }

    @Override public String toString() { return value; }
}
