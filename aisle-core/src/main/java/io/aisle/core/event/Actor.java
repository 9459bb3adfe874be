package io.aisle.core.event;

import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;

/** Who did something: a known shopper, possibly with the device id they used, or only a device id. */
public record Actor(ShopperId shopperId, AnonymousId anonymousId) {
    public Actor {
        if (shopperId == null && anonymousId == null) {
            throw new IllegalArgumentException("an actor needs a shopper id or an anonymous id");
        }
    }

    public static Actor shopper(String id) { return new Actor(ShopperId.of(id), null); }

    public static Actor anonymous(String id) { return new Actor(null, AnonymousId.of(id)); }

    /** The id models key on: the shopper id when known, else the anonymous one. */
    public String key() { return shopperId != null ? "s:" + shopperId.value() : "a:" + anonymousId.value(); }
}
