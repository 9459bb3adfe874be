package io.aisle.core.shopper;

import java.util.Objects;

/** An anonymous (device) id seen together with a shopper id, so both are the same person (identity stitching). */
public record IdentityLink(ShopperId shopperId, AnonymousId anonymousId) {
    public IdentityLink {
        Objects.requireNonNull(shopperId, "shopperId");
        Objects.requireNonNull(anonymousId, "anonymousId");
    }
}
