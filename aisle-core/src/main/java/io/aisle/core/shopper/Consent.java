package io.aisle.core.shopper;

import java.time.Instant;
import java.util.Objects;

/** Whether a shopper agreed to one purpose of data use, and when that was recorded. */
public record Consent(Purpose purpose, boolean granted, Instant recordedAt) {
    public Consent { Objects.requireNonNull(purpose, "purpose"); Objects.requireNonNull(recordedAt, "recordedAt"); }

    /** Purposes a storefront asks consent for. */
    public enum Purpose { ANALYTICS, PERSONALIZATION, MARKETING }
}
