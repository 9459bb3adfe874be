package io.aisle.embeddings;

import io.aisle.core.event.Actor;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Identity stitching, kept simple: an event that carries both a shopper id and an anonymous id links that device to
 * the shopper, and from then on the device's history and its later anonymous-only events count for the shopper.
 * A device later seen with another shopper moves to that shopper (the last login wins); links are never chained.
 * One thread writes (a projection or a training run); lookups may come from other threads.
 */
public final class IdentityLinks {
    private final Map<String, String> shopperOfDevice = new ConcurrentHashMap<>();

    /**
     * Records what {@code actor} says about identity and returns the anonymous key it newly links to a shopper (so the
     * caller can merge that device's history into the shopper), or null when nothing changed.
     */
    public String observe(Actor actor) {
        if (actor.shopperId() == null || actor.anonymousId() == null) return null;
        String device = "a:" + actor.anonymousId().value();
        String shopper = actor.key();
        String before = shopperOfDevice.put(device, shopper);
        return shopper.equals(before) ? null : device;
    }

    /** The key an actor's history counts under: the shopper's when known or linked, else the device's. */
    public String canonical(Actor actor) {
        return actor.shopperId() != null ? actor.key() : canonical(actor.key());
    }

    /** The key history under {@code key} counts under: a linked device's shopper key, otherwise {@code key} itself. */
    public String canonical(String key) {
        return shopperOfDevice.getOrDefault(key, key);
    }

    /** Drops every link from or to one of {@code keys} (right to erasure). */
    public void forget(Set<String> keys) {
        shopperOfDevice.entrySet().removeIf(e -> keys.contains(e.getKey()) || keys.contains(e.getValue()));
    }

    public void clear() { shopperOfDevice.clear(); }

    /** Number of devices linked to a shopper. */
    public int size() { return shopperOfDevice.size(); }
}
